import type { CustomCommandConfig } from '@deployforge/config';
import type { CredentialSpec, PlatformInfo } from '@deployforge/catalog';

/**
 * The credentials of one `platforms.custom.<name>` entry: the variables its `secrets:` lists, every
 * one needed. The catalog's `custom` has none (a command's needs are the user's to say), so each
 * entry gets its own, checked like any platform's before anything is built or written.
 */
export function customCommandCredentials(instance: string, entry: CustomCommandConfig | undefined): CredentialSpec[] {
  return (entry?.secrets ?? []).map((name) => ({ name, description: `listed in platforms.custom.${instance}.secrets` }));
}

/** The platform info the plan checks a spoke's credentials with: the catalog's, or a custom entry's own. */
export function spokeCredentialInfo(info: PlatformInfo, instance: string | undefined, entry: CustomCommandConfig | undefined): PlatformInfo {
  if (instance === undefined) return info;
  return { ...info, credentials: customCommandCredentials(instance, entry), allCredentialsRequired: true };
}
