import type { SpokeId } from './platform-catalog.js';

/**
 * The generated workflow's job id for a spoke: `publish-<platform>`, or `publish-custom-<entry>` for
 * each named entry of `platforms.custom`. The plan, the workflow and the CLI's `--platforms` keys all
 * agree through this one function, so it lives with the catalog rather than in any of them.
 */
export function publishJobId(platform: SpokeId, instance?: string): string {
  return instance === undefined ? `publish-${platform}` : `publish-${platform}-${instance}`;
}

/** The DeployForge action a spoke's job runs (`actions/<name>/action.yml`). */
export function publishActionName(platform: SpokeId, instance?: string): string {
  return instance === undefined ? `publish-${platform}` : 'publish-custom';
}
