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

/**
 * When a different asset may be replaced. `force` always may (unless the release is immutable,
 * which the caller checks); an unpublished `draft` may too: nobody can have downloaded from it, it
 * is the hub's own work in progress, and refusing there left a draft that no re-run could finish
 * (a corrupted upload failed verification, then every re-run called it a conflict).
 */
export interface ReplacePolicy {
  force: boolean;
  draft: boolean;
}

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
 * "force: yes" also stands for a release that is still an unpublished draft (ReplacePolicy).
 * The hub fills in the digest by hashing a download where the server reports none
 * (RemoteDigests), so it reaches the "no digest" row only for names it does not manage.
 *
 * The last row also holds under `force`: without a digest we cannot tell an identical asset from a
 * different one of the same size, and replacing on every forced run would make re-runs write.
 */
export function decideAsset(existing: RemoteAssetFacts | undefined, local: LocalAssetFacts, policy: boolean | ReplacePolicy): AssetDecision {
  const { force, draft } = typeof policy === 'boolean' ? { force: policy, draft: false } : policy;
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
    if (force || draft) {
      const why = force ? '--force replaces it' : 'the release is an unpublished draft, so it is replaced';
      return { action: 'replace', reason: `${local.name} differs (release: ${remoteDesc}; local: ${localDesc}); ${why}` };
    }
    return {
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
