import type { DeployforgeConfig } from '@deployforge/config';
import { imageSigningPermissions } from './image-signing-steps.js';
import type { WorkflowSpoke } from './workflow-spokes.js';
import type { Permissions } from './workflow-types.js';

/** GHCR is the one OCI registry that takes the workflow's own token (with `packages: write`). */
function pushesToGhcr(config: DeployforgeConfig): boolean {
  return (config.platforms?.docker?.images ?? []).some((image) => image.toLowerCase().startsWith('ghcr.io/'));
}

/**
 * The least a spoke's job needs. Every spoke reads this repository (config, release assets);
 * none writes to it (taps, buckets, forks are other repositories, reached with their own token),
 * except `github-action`, whose job is to move this repository's `v1`/`v1.2` tags (`contents: write`).
 * `id-token: write` only where the config declares trusted publishing (OIDC) or the docker job
 * attests or signs its images, `packages: write` only where the workflow token publishes a package.
 */
export function publishPermissions(spoke: WorkflowSpoke, config: DeployforgeConfig): Permissions {
  const permissions: Permissions = { contents: spoke.platform === 'github-action' ? 'write' : 'read' };
  if (spoke.trustedPublishing) permissions['id-token'] = 'write';
  if (spoke.platform === 'github-packages' || (spoke.platform === 'docker' && pushesToGhcr(config))) {
    permissions.packages = 'write';
  }
  // The docker job attests and signs the images it pushed (release.attest, platforms.docker.sign).
  if (spoke.platform === 'docker') Object.assign(permissions, imageSigningPermissions(config));
  return permissions;
}
