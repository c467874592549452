import type { Packument } from './registry-client.js';

/** What a registry holds for one package at one version. */
export type PackageVersionState =
  | { state: 'absent' }
  | { state: 'burned' }
  | { state: 'identical'; integrity: string }
  | { state: 'integrity-differs'; integrity: string | undefined; tarball: string | undefined };

/**
 * Pure reading of a packument: `versions[v]` present → compare `dist.integrity` with ours;
 * `time[v]` without `versions[v]` → the version was unpublished and npm never accepts it again
 * ("burned"); neither → absent. An integrity mismatch is not yet "different": the caller compares
 * the uncompressed contents, since another zlib may have compressed the same files differently.
 */
export function packageVersionState(packument: Packument | undefined, version: string, integrity: string): PackageVersionState {
  if (!packument) return { state: 'absent' };
  const published = packument.versions?.[version];
  if (!published) return packument.time?.[version] ? { state: 'burned' } : { state: 'absent' };
  const theirs = published.dist?.integrity;
  if (theirs && theirs.split(/\s+/).includes(integrity)) return { state: 'identical', integrity };
  return { state: 'integrity-differs', integrity: theirs, tarball: published.dist?.tarball };
}
