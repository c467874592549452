import type { DeployforgeConfig } from '@deployforge/config';
import { PLATFORMS, type SpokeId } from '@deployforge/catalog';

/**
 * Whether the config says trusted publishing (GitHub OIDC) is set up for this platform:
 * `platforms.<id>.trusted-publishing: true` on a platform that supports it (npm, PyPI, crates.io).
 * Supporting it is not enough: a registry only accepts an OIDC token once a person has registered
 * this repository and workflow as a trusted publisher, which nothing here can check, so only the
 * config's word counts. The plan and the workflow generator both read it from here: the plan
 * counts OIDC as a credential exactly for the spokes whose jobs get `id-token: write`.
 */
export function trustedPublishingDeclared(config: DeployforgeConfig, platform: SpokeId): boolean {
  if (!PLATFORMS[platform].oidc) return false;
  const blocks = config.platforms as Record<string, { 'trusted-publishing'?: boolean } | null | undefined> | undefined;
  return blocks?.[platform]?.['trusted-publishing'] === true;
}
