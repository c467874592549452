import type { LocalAsset } from './local-assets.js';
import type { RemoteAsset } from './release-types.js';

/** A signature already on the release that this run keeps, or one it uploads (given or to be made). */
export interface SignaturePlan {
  /** On the release and still valid: SHA256SUMS there is the very file this run has. */
  keep: RemoteAsset[];
  /** Signature files this run was given (prepared by the workflow's sign job) that must be uploaded. */
  upload: LocalAsset[];
  /** Names the signer must produce now, because the release has no valid one. */
  sign: string[];
  /** Names whose copy on the release is stale (it signs another SHA256SUMS) or half-uploaded. */
  stale: string[];
}

/**
 * Which signatures to upload, sign or keep. A signature differs on every signing (a new timestamp,
 * certificate and transparency-log entry) even over the same bytes, so comparing digests, as for
 * archives, would make every re-run of an interrupted release a conflict. What matters is what the
 * signature is *of*: when the release's SHA256SUMS is the same file as ours, a signature already
 * there is valid and kept (no new signing, no write, no new public log entry); when SHA256SUMS is
 * new or changes in this run, any signature there is stale and is replaced without `force`, because
 * it is our own metadata and not the user's content. Uploads happen after SHA256SUMS, so a signature
 * on the release always follows its SHA256SUMS.
 */
export function planSignatures(input: {
  given: readonly LocalAsset[];
  /** What the signer would produce (`SHA256SUMS.asc`…), minus names given as files. */
  signable: readonly string[];
  remote: readonly RemoteAsset[];
  /** The release holds exactly our SHA256SUMS already (or the release has none and we make none). */
  sumsUnchanged: boolean;
}): SignaturePlan {
  const plan: SignaturePlan = { keep: [], upload: [], sign: [], stale: [] };
  const remoteNamed = (name: string) => input.remote.find((a) => a.name === name);
  const valid = (remote: RemoteAsset | undefined): remote is RemoteAsset =>
    remote !== undefined && remote.state === 'uploaded' && input.sumsUnchanged;
  for (const local of input.given) {
    const remote = remoteNamed(local.name);
    if (valid(remote)) plan.keep.push(remote);
    else {
      plan.upload.push(local);
      if (remote) plan.stale.push(local.name);
    }
  }
  for (const name of input.signable) {
    if (input.given.some((g) => g.name === name)) continue;
    const remote = remoteNamed(name);
    if (valid(remote)) plan.keep.push(remote);
    else {
      plan.sign.push(name);
      if (remote) plan.stale.push(name);
    }
  }
  return plan;
}
