import type { DeployforgeConfig } from './config-types.generated.js';

/**
 * Defaults that depend on other values, which a JSON Schema `default` cannot state. Applied after
 * validation so they are built only from values already known to be well-formed.
 */
export function applyDerivedDefaults(config: DeployforgeConfig): void {
  const aur = config.platforms?.aur;
  if (aur) {
    aur.package ??= `${config.project.name}-bin`;
    aur.remote ??= `ssh://aur@aur.archlinux.org/${aur.package}.git`;
  }
}
