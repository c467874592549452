import type { DeployforgeConfig } from '@deployforge/config';

/** The installers a release can carry, by the `release.installers` word that turns each on. */
export const INSTALLER_FILES = { sh: 'install.sh', ps1: 'install.ps1' } as const;

export type InstallerKind = keyof typeof INSTALLER_FILES;

const ALL_KINDS: readonly InstallerKind[] = ['sh', 'ps1'];

/** `release.installers` as a list: `true` is every kind, `false` (the default) none. */
export function configuredInstallers(config: DeployforgeConfig): InstallerKind[] {
  const value = config.release?.installers ?? false;
  if (value === true) return [...ALL_KINDS];
  if (value === false) return [];
  return ALL_KINDS.filter((k) => value.includes(k));
}

/** Whether `name` is the file of a configured installer: the release may carry it. */
export function isConfiguredInstallerFile(config: DeployforgeConfig, name: string): boolean {
  return configuredInstallers(config).some((k) => INSTALLER_FILES[k] === name);
}
