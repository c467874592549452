import { ConfigurationError } from '@deployforge/diagnostics';

/** GitHub's per-file limit for release assets. */
export const MAX_ASSET_BYTES = 2 * 1024 ** 3;
/** GitHub's limit on assets per release. */
export const MAX_ASSETS_PER_RELEASE = 1000;

/**
 * GitHub silently renames asset names with other characters (spaces, leading/trailing periods…).
 * A renamed asset would never match its local name again, so every re-run would upload it anew:
 * refuse such names up front instead.
 */
const SAFE_ASSET_NAME = /^[A-Za-z0-9_+-](?:[A-Za-z0-9._+-]*[A-Za-z0-9_+-])?$/;

export interface PlannedAsset {
  name: string;
  path: string;
  size: number;
}

/**
 * Checks that need no network and must pass before the first write: a release that fails half-way
 * through its uploads because the 37th file is too big is exactly what draft-until-complete avoids.
 * `otherRemoteNames` are assets already on the release that this run does not manage; they count
 * towards the 1000-asset limit.
 */
export function preflightAssets(assets: readonly PlannedAsset[], otherRemoteNames: readonly string[] = []): void {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const asset of assets) {
    const previous = seen.get(asset.name);
    if (previous !== undefined) problems.push(`asset name ${asset.name} is used twice (${previous} and ${asset.path})`);
    seen.set(asset.name, asset.path);
    if (!SAFE_ASSET_NAME.test(asset.name)) {
      problems.push(`asset name ${JSON.stringify(asset.name)} (${asset.path}) has characters GitHub would rename; use letters, digits, . _ + -`);
    }
    if (asset.size > MAX_ASSET_BYTES) {
      problems.push(`${asset.path} is ${asset.size} bytes; GitHub accepts release assets up to 2 GiB (${MAX_ASSET_BYTES} bytes)`);
    }
  }
  const total = new Set([...assets.map((a) => a.name), ...otherRemoteNames]).size;
  if (total > MAX_ASSETS_PER_RELEASE) {
    problems.push(`the release would hold ${total} assets; GitHub allows at most ${MAX_ASSETS_PER_RELEASE}`);
  }
  if (problems.length > 0) {
    throw new ConfigurationError(`release assets: ${problems.length === 1 ? problems[0] : `\n  ${problems.join('\n  ')}`}`);
  }
}
