import { PLATFORMS, type PlatformId } from '@deployforge/catalog';
import type { DeployforgeConfig } from '@deployforge/config';

/** Cargo's own name for crates.io, the default of `platforms.crates.registry`. */
const CRATES_IO_REGISTRY = 'crates-io';

/**
 * The name to put in messages about a platform: the catalog's, except where the config points the
 * platform at another registry. A crate published to `registry: local` is not on crates.io, and a
 * message that says "crates.io never allows replacing a version" sends the user to the wrong place.
 */
export function spokeDisplayName(platform: PlatformId, config: DeployforgeConfig | undefined, instance?: string): string {
  if (instance !== undefined) return `${PLATFORMS.custom.displayName}: ${instance}`;
  if (platform === 'crates') {
    const registry = config?.platforms?.crates?.registry;
    if (registry !== undefined && registry !== CRATES_IO_REGISTRY) return `Cargo registry "${registry}"`;
  }
  return PLATFORMS[platform].displayName;
}
