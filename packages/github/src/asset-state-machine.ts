import type { Logger } from '@deployforge/diagnostics';
import { decideAsset, type AssetDecision } from './decide-asset.js';
import { withDigest, type PendingAsset } from './local-assets.js';
import type { ReleaseApi } from './release-api.js';
import { AssetConflictError, httpFailure, ReleaseStepError } from './release-errors.js';
import type { RemoteAsset, RemoteRelease } from './release-types.js';
import { sleep } from './sleep.js';
import { AssetUploadError, uploadAssetHashed } from './upload-asset-stream.js';

/** Name an asset is uploaded under while it replaces another (force): never a name users download. */
export function replacementName(name: string): string {
  return `${name}.deployforge-replacement`;
}

export interface AssetView {
  asset: RemoteAsset | undefined;
  /** GitHub's clock when the view was taken (ms since epoch). */
  serverTime: number;
}

export interface AssetMachineContext {
  api: ReleaseApi;
  release: RemoteRelease;
  /** A different asset may be replaced: `force`, or the release is still an unpublished draft. */
  force: boolean;
  /**
   * Fills in the sha256 of listed assets the server reports no digest for (RemoteDigests.fill), so
   * a decision after a re-list compares content too. Identity when omitted.
   */
  withDigests?: (assets: RemoteAsset[]) => Promise<RemoteAsset[]>;
  log: Logger;
  signal?: AbortSignal;
  /** Failed uploads (5xx, 502 starter, reset, rate limit, 422 race) retried this many times. */
  maxRetries: number;
  /** Backoff before retry n (1-based). */
  backoffMs(attempt: number): number;
  /** What one second of retry-after is worth in ms. */
  rateLimitUnitMs: number;
  /**
   * A `starter` asset younger than this (on GitHub's clock) may be another run's upload in
   * progress: wait for it instead of deleting it from under that run.
   */
  staleStarterMs: number;
}

/**
 * Bring one asset name on the release to the local file's content, and return the remote asset.
 * The per-asset state machine of DESIGN "Reliability": decide (decideAsset) → act → on failure list
 * again and decide again, bounded by `maxRetries`. The local file is hashed before a decision only
 * when an asset of its name is there to compare with; otherwise the upload hashes what it sends,
 * and `local.sha256` holds that digest when this returns.
 */
export async function ensureAsset(ctx: AssetMachineContext, local: PendingAsset, initial: AssetView, scratch = false): Promise<RemoteAsset> {
  const { api, log, signal } = ctx;
  let view = initial;
  let failures = 0;
  // After our own upload failed, a starter of this name is our own debris: delete it at once.
  let ownDebris = false;
  let polls = 0;

  const relist = async (): Promise<AssetView> => {
    const listed = await api.listAssets(ctx.release.id);
    const assets = ctx.withDigests ? await ctx.withDigests(listed.assets) : listed.assets;
    return { asset: assets.find((a) => a.name === local.name), serverTime: listed.serverTime };
  };

  for (;;) {
    signal?.throwIfAborted();
    // Nothing of that name: an upload whatever the content, so no need to read the file for it.
    let decision: AssetDecision = view.asset
      ? decideAsset(view.asset, await withDigest(local, signal), ctx.force)
      : { action: 'upload', reason: `${local.name} is not on the release` };
    // A scratch name (the replacement upload) belongs to us: whatever holds it is debris.
    if (scratch && (decision.action === 'conflict' || decision.action === 'replace')) {
      decision = { action: 'delete-then-upload', reason: `${local.name} is an earlier replacement attempt` };
      ownDebris = true;
    }
    const remote = view.asset;

    if (decision.action === 'skip') {
      if (decision.digestVerified) log.info(`${local.name}: already on the release, same sha256, skipped`);
      else log.warning(`${decision.reason}; skipped on size alone`);
      return remote!;
    }
    if (decision.action === 'conflict') throw new AssetConflictError([decision.reason]);
    if (decision.action === 'replace') {
      const replaced = await replaceAsset(ctx, local, remote!);
      if (replaced) return replaced;
      view = await relist();
      continue;
    }
    if (decision.action === 'delete-then-upload') {
      const age = view.serverTime - lastActivity(remote!);
      if (!ownDebris && age < ctx.staleStarterMs) {
        // Poll with growing pauses, but never past the moment it turns stale (+1 s: GitHub's
        // timestamps have second precision).
        const wait = Math.max(1, Math.min(ctx.backoffMs(++polls), ctx.staleStarterMs - age + 1000));
        log.info(`${local.name}: an upload of this name started ${Math.round(age / 1000)}s ago (another run?); checking again in ${wait}ms`);
        await sleep(wait, signal);
        view = await relist();
        // Once it is older than the threshold on the next look, it is treated as a leftover.
        continue;
      }
      log.info(`${local.name}: ${decision.reason}; deleting it`);
      await api.deleteAsset(remote!, 'leftover of an interrupted upload');
    } else {
      log.info(`${local.name}: uploading ${local.size} bytes`);
    }

    try {
      return await uploadOnce(ctx, local);
    } catch (error) {
      if (!(error instanceof AssetUploadError)) throw error;
      if (error.kind === 'aborted') throw signal?.reason ?? error;
      if (error.kind !== 'already_exists' && !error.retryable) {
        throw new ReleaseStepError('upload', error.message, local.name, error.status, { cause: error });
      }
      failures++;
      if (failures > ctx.maxRetries) {
        throw new ReleaseStepError('upload', `gave up after ${failures} attempts; last: ${error.message}`, local.name, error.status, {
          cause: error,
        });
      }
      ownDebris = error.kind !== 'already_exists';
      const wait =
        error.kind === 'rate_limited'
          ? (error.retryAfterSeconds ?? 60) * ctx.rateLimitUnitMs
          : error.kind === 'already_exists'
            ? 0
            : ctx.backoffMs(failures);
      log.warning(`${error.message}; listing assets again, then retry ${failures} of ${ctx.maxRetries} in ${wait}ms`);
      await sleep(wait, signal);
      view = await relist();
    }
  }
}

async function uploadOnce(ctx: AssetMachineContext, local: PendingAsset): Promise<RemoteAsset> {
  await ctx.api.client.waitForWriteSlot();
  ctx.api.writes++;
  const { asset, sha256 } = await uploadAssetHashed({
    uploadUrl: ctx.release.upload_url,
    token: ctx.api.client.token(),
    userAgent: ctx.api.client.userAgent,
    name: local.name,
    path: local.path,
    size: local.size,
    contentType: local.contentType,
    signal: ctx.signal,
  });
  // Hashed before (to compare with an asset of that name) and now different: the file changed
  // while releasing, and whichever digest SHA256SUMS took would not describe the asset.
  if (local.sha256 !== undefined && local.sha256 !== sha256) {
    throw new ReleaseStepError('upload', `${local.path} changed while it was being released (sha256:${local.sha256} when hashed, sha256:${sha256} when uploaded)`, local.name);
  }
  local.sha256 = sha256;
  return asset;
}

/**
 * `force` on a different asset, without a window in which the name serves nothing for the length
 * of an upload: upload under a scratch name, delete the old asset, rename the new one. Returns
 * undefined when the rename lost a race (the name was taken again), so the caller decides anew.
 */
async function replaceAsset(ctx: AssetMachineContext, local: PendingAsset, old: RemoteAsset): Promise<RemoteAsset | undefined> {
  const { api, log } = ctx;
  const scratchName = replacementName(local.name);
  log.info(`${local.name}: replacing: upload as ${scratchName}, delete the old, rename`);
  const { assets, serverTime } = await api.listAssets(ctx.release.id);
  const uploaded = await ensureAsset(
    { ...ctx, force: false },
    { ...local, name: scratchName },
    { asset: assets.find((a) => a.name === scratchName), serverTime },
    true,
  );
  await api.deleteAsset(old, 'old asset being replaced');
  try {
    return await api.renameAsset(uploaded.id, scratchName, local.name);
  } catch (error) {
    if (httpFailure(error).status === 422) {
      log.warning(`${local.name}: the name was taken again while replacing; comparing once more`);
      return undefined;
    }
    throw error;
  }
}

function lastActivity(asset: RemoteAsset): number {
  const times = [asset.updated_at, asset.created_at].map((t) => Date.parse(t ?? '')).filter(Number.isFinite);
  // No timestamps at all: treat as old, i.e. a leftover.
  return times.length > 0 ? Math.max(...times) : 0;
}

/** For callers that already hold a listing. */
export function viewOf(assets: readonly RemoteAsset[], name: string, serverTime: number): AssetView {
  return { asset: assets.find((a) => a.name === name), serverTime };
}
