import type { DeployforgeConfig } from '@deployforge/config';
import { publishJobId, type SpokeId } from '@deployforge/catalog';

export interface SpokeKey {
  key: string;
  platform: SpokeId;
  jobId: string;
  /** The entry name for `custom` spokes. */
  instance?: string;
}

/**
 * Expand the enabled platforms into spokes: one per platform, and one per named entry of
 * `platforms.custom`, each with a stable key (for `--platforms`) and a job id (for the workflow).
 */
export function spokeKeys(config: DeployforgeConfig, enabled: readonly SpokeId[]): SpokeKey[] {
  const keys: SpokeKey[] = [];
  for (const platform of enabled) {
    if (platform !== 'custom') {
      keys.push({ key: platform, platform, jobId: publishJobId(platform) });
      continue;
    }
    for (const name of Object.keys(config.platforms?.custom ?? {}).sort()) {
      keys.push({ key: `custom:${name}`, platform, jobId: publishJobId(platform, name), instance: name });
    }
  }
  return keys;
}
