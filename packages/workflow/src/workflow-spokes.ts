import type { LoadedConfig } from '@deployforge/config';
import { customCommandCredentials } from '@deployforge/plan';
import { PLATFORMS, type CredentialSpec, type SpokeId } from '@deployforge/catalog';
import { spokeKeys, trustedPublishingDeclared } from '@deployforge/plan';

/** One publish job to generate: what the plan calls a spoke, plus what only the workflow needs. */
export interface WorkflowSpoke {
  /** `npm`, `custom:mirror`: what `platforms=` selects. */
  key: string;
  platform: SpokeId;
  /** `publish-npm`, `publish-custom-mirror`: the job id and the plan output that switches it on. */
  jobId: string;
  /** The `platforms.custom` entry name. */
  instance?: string;
  environment: string;
  credentials: readonly CredentialSpec[];
  /** The platform supports trusted publishing (OIDC). */
  oidc: boolean;
  /**
   * The config declares trusted publishing for it (`trusted-publishing: true`): the job gets
   * `id-token: write` and no long-lived token; otherwise the token and no `id-token`.
   */
  trustedPublishing: boolean;
}

/**
 * The enabled spokes in plan order. The environment rule is createPlan's (platform block, then
 * `workflow.environment`, then `release`); a test renders every scenario and compares the two,
 * so the workflow and the plan cannot disagree on where a job runs.
 */
export function workflowSpokes(loaded: LoadedConfig): WorkflowSpoke[] {
  const { config, enabledPlatforms } = loaded;
  const defaultEnvironment = config.workflow?.environment ?? 'release';
  return spokeKeys(config, enabledPlatforms).map((s) => {
    const info = PLATFORMS[s.platform];
    const blocks = config.platforms as Record<string, { environment?: string } | undefined> | undefined;
    // A custom entry carries its own `environment`; `platforms.custom` itself is a map of entries.
    const block = s.instance ? config.platforms?.custom?.[s.instance] : blocks?.[s.platform];
    return {
      key: s.key,
      platform: s.platform,
      jobId: s.jobId,
      ...(s.instance ? { instance: s.instance } : {}),
      environment: block?.environment ?? defaultEnvironment,
      // A custom entry's credentials are the `secrets:` it lists (mapped into its job's env).
      credentials: s.instance ? customCommandCredentials(s.instance, config.platforms?.custom?.[s.instance]) : info.credentials,
      oidc: info.oidc,
      trustedPublishing: trustedPublishingDeclared(config, s.platform),
    };
  });
}

/**
 * The secrets a spoke's job receives: none for trusted publishing (22.8: a long-lived token next to
 * OIDC would be used first and defeat the point), else every credential of its platform.
 */
export function jobCredentials(spoke: WorkflowSpoke): readonly CredentialSpec[] {
  return spoke.trustedPublishing ? [] : spoke.credentials;
}

/** Every credential name the enabled spokes' jobs receive, sorted and without duplicates. */
export function credentialNames(spokes: readonly WorkflowSpoke[]): string[] {
  return [...new Set(spokes.flatMap((s) => jobCredentials(s).map((c) => c.name)))].sort();
}

/** `NPM_TOKEN` → `npm-token`: action inputs are kebab-case (CONTRACT.md). */
export function credentialInputName(name: string): string {
  return name.toLowerCase().replaceAll('_', '-');
}
