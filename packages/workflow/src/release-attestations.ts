import type { DeployforgeConfig } from '@deployforge/config';
import type { Permissions, Step } from './workflow-types.js';

/**
 * ATTESTATIONS GO HERE (issue 11). `release.attest` asks for build provenance of every archive
 * (`actions/attest-build-provenance`, pinned like the other third-party actions). The release job
 * already calls these two functions: the steps run after the archives are downloaded and before
 * `create-release`, and the permissions (`id-token: write`, `attestations: write`) are merged
 * into the release job's. Until then both are empty, so the workflow asks for nothing it does
 * not use.
 */
export function attestationSteps(_config: DeployforgeConfig, _artifactsDir: string): Step[] {
  return [];
}

export function attestationPermissions(_config: DeployforgeConfig): Permissions {
  return {};
}
