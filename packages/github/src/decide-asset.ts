import { sha256FromDigest, type RemoteAsset } from './release-types.js';

/** What we are about to publish under one asset name. */
export interface LocalAssetFacts {
  name: string;
  size: number;
  /** Lowercase hex. */
  sha256: string;
}

/** The parts of a remote asset the decision reads. */
export type RemoteAssetFacts = Pick<RemoteAsset, 'name' | 'size' | 'state' | 'digest'>;

export type AssetDecision =
  /** Nothing of that name on the release. */
  | { action: 'upload'; reason: string }
  /** Already there and the same. `digestVerified: false` means only the size could be compared. */
  | { action: 'skip'; digestVerified: boolean; reason: string }
  /** A half-finished upload (`starter`/`open`) holds the name: delete it, then upload. */
  | { action: 'delete-then-upload'; reason: string }
  /** Different content and `force`: upload under a temporary name, delete the old, rename the new. */
  | { action: 'replace'; reason: string }
  /** Different content without `force`: refuse, naming both digests. */
  | { action: 'conflict'; reason: string };

/**
 * The per-asset decision table of the release state machine. Pure, so every row is table-tested.
 *
 * | remote                         | force | action             |
 * |--------------------------------|-------|--------------------|
 * | none                           |  any  | upload             |
 * | state ≠ uploaded               |  any  | delete-then-upload |
 * | size ≠                         |  no   | conflict           |
 * | size ≠                         |  yes  | replace            |
 * | digest reported, ≠             |  no   | conflict           |
 * | digest reported, ≠             |  yes  | replace            |
 * | digest reported, =, size =     |  any  | skip (verified)    |
 * | no digest, size =              |  any  | skip (unverified)  |
 *
 * The last row also holds under `force`: without a digest we cannot tell an identical asset from a
 * different one of the same size, and replacing on every forced run would make re-runs write.
 */
export function decideAsset(existing: RemoteAssetFacts | undefined, local: LocalAssetFacts, force: boolean): AssetDecision {
  if (!existing) return { action: 'upload', reason: `${local.name} is not on the release` };
  if (existing.state !== 'uploaded') {
    return {
      action: 'delete-then-upload',
      reason: `${local.name} is a leftover of an interrupted upload (state "${existing.state}")`,
    };
  }
  const remoteSha = sha256FromDigest(existing.digest);
  const remoteDesc = `${existing.size} bytes, ${remoteSha ? `sha256:${remoteSha}` : 'digest unknown'}`;
  const localDesc = `${local.size} bytes, sha256:${local.sha256}`;
  const differs = existing.size !== local.size || (remoteSha !== undefined && remoteSha !== local.sha256);
  if (differs) {
    return force
      ? { action: 'replace', reason: `${local.name} differs (release: ${remoteDesc}; local: ${localDesc}); --force replaces it` }
      : {
          action: 'conflict',
          reason:
            `${local.name} is already on the release with different content (release: ${remoteDesc}; local: ${localDesc}). ` +
            'Re-run with force to replace it, or release a new version.',
        };
  }
  if (remoteSha === undefined) {
    return {
      action: 'skip',
      digestVerified: false,
      reason: `${local.name} is on the release with the same size; GitHub reports no digest for it, so its content is unverifiable`,
    };
  }
  return { action: 'skip', digestVerified: true, reason: `${local.name} is on the release with the same size and sha256` };
}
