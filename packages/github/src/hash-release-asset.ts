import { createHash } from 'node:crypto';
import { errorMessage } from '@deployforge/diagnostics';
import { openAssetDownload } from './download-verified-asset.js';
import type { GitHubClient } from './octokit-factory.js';
import type { RemoteAsset } from './release-types.js';
import { sleep } from './sleep.js';

export class AssetHashError extends Error {
  override readonly name = 'AssetHashError';
}

/** The API URL that serves an asset's bytes to a token (drafts and private repositories included). */
export function assetApiUrl(client: GitHubClient, owner: string, repo: string, assetId: number): string {
  return `${client.baseUrl}/repos/${owner}/${repo}/releases/assets/${assetId}`;
}

/** What one download attempt feeds its bytes to; a retry starts a fresh sink. */
interface AssetSink<T> {
  update(chunk: Buffer): void;
  finish(): T;
}

/**
 * Stream one release asset through the API (drafts and private repositories included) into a
 * fresh sink per attempt. A body shorter or longer than the asset's size, or a cut connection, is
 * retried: a short read must never be mistaken for different content (that would replace or
 * refuse a good asset).
 */
async function readReleaseAsset<T>(
  client: GitHubClient,
  owner: string,
  repo: string,
  asset: Pick<RemoteAsset, 'id' | 'name' | 'size'>,
  sink: () => AssetSink<T>,
  options: { signal?: AbortSignal; attempts?: number },
): Promise<T> {
  const attempts = options.attempts ?? Math.max(1, client.retries + 1);
  const url = assetApiUrl(client, owner, repo, asset.id);
  let problem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    options.signal?.throwIfAborted();
    try {
      const response = await openAssetDownload(url, { token: client.token(), accept: 'application/octet-stream', signal: options.signal });
      const into = sink();
      let bytes = 0;
      for await (const chunk of response) {
        bytes += (chunk as Buffer).length;
        // Never hold more than the asset's size, whatever a broken server sends.
        if (bytes > asset.size) break;
        into.update(chunk as Buffer);
      }
      if (bytes === asset.size) return into.finish();
      response.destroy();
      problem = bytes > asset.size ? `got more than its ${asset.size} bytes` : `got ${bytes} of ${asset.size} bytes`;
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      problem = errorMessage(error);
    }
    if (attempt < attempts) {
      client.log.warning(`${asset.name}: downloading it to check its content failed (${problem}); retry ${attempt} of ${attempts - 1}`);
      await sleep(attempt * attempt * client.retryBaseMs, options.signal);
    }
  }
  throw new AssetHashError(`${asset.name}: could not download it to check its content (${problem}) after ${attempts} attempt(s)`);
}

/**
 * The sha256 of what the server actually holds for `asset`, by downloading it and hashing the
 * stream: constant memory at any size, nothing written to disk. For servers that report no
 * `digest` (GitHub Enterprise Server before digests, proxies that strip it), this is the only way
 * to know the bytes are the ones uploaded; size alone let a corrupted upload through.
 */
export function sha256OfReleaseAsset(
  client: GitHubClient,
  owner: string,
  repo: string,
  asset: Pick<RemoteAsset, 'id' | 'name' | 'size'>,
  options: { signal?: AbortSignal; attempts?: number } = {},
): Promise<string> {
  return readReleaseAsset(client, owner, repo, asset, () => {
    const hash = createHash('sha256');
    return { update: (chunk) => hash.update(chunk), finish: () => hash.digest('hex') };
  }, options);
}

/** Small text assets (SHA256SUMS) are read whole; anything larger than this is refused, not buffered. */
export const MAX_TEXT_ASSET_BYTES = 4 << 20;

/** A small release asset's text, with the sha256 of its bytes (to check against a digest). */
export async function readReleaseAssetText(
  client: GitHubClient,
  owner: string,
  repo: string,
  asset: Pick<RemoteAsset, 'id' | 'name' | 'size'>,
  options: { signal?: AbortSignal; attempts?: number } = {},
): Promise<{ text: string; sha256: string }> {
  if (asset.size > MAX_TEXT_ASSET_BYTES) throw new AssetHashError(`${asset.name} is ${asset.size} bytes: too large to be a checksum list`);
  return readReleaseAsset(client, owner, repo, asset, () => {
    const chunks: Buffer[] = [];
    return {
      update: (chunk) => void chunks.push(chunk),
      finish: () => {
        const bytes = Buffer.concat(chunks);
        return { text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
      },
    };
  }, options);
}
