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

/**
 * The sha256 of what the server actually holds for `asset`, by downloading it through the API and
 * hashing the stream: constant memory at any size, nothing written to disk. For servers that report
 * no `digest` (GitHub Enterprise Server before digests, proxies that strip it), this is the only
 * way to know the bytes are the ones uploaded; size alone let a corrupted upload through.
 * A body shorter or longer than the asset's size, or a cut connection, is retried: a short read
 * must never be mistaken for different content (that would replace or refuse a good asset).
 */
export async function sha256OfReleaseAsset(
  client: GitHubClient,
  owner: string,
  repo: string,
  asset: Pick<RemoteAsset, 'id' | 'name' | 'size'>,
  options: { signal?: AbortSignal; attempts?: number } = {},
): Promise<string> {
  const attempts = options.attempts ?? Math.max(1, client.retries + 1);
  const url = assetApiUrl(client, owner, repo, asset.id);
  let problem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    options.signal?.throwIfAborted();
    try {
      const response = await openAssetDownload(url, { token: client.token(), accept: 'application/octet-stream', signal: options.signal });
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of response) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      if (bytes === asset.size) return hash.digest('hex');
      problem = `got ${bytes} of ${asset.size} bytes`;
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      problem = errorMessage(error);
    }
    if (attempt < attempts) {
      client.log.warning(`${asset.name}: downloading it to check its sha256 failed (${problem}); retry ${attempt} of ${attempts - 1}`);
      await sleep(attempt * attempt * client.retryBaseMs, options.signal);
    }
  }
  throw new AssetHashError(`${asset.name}: could not download it to check its sha256 (${problem}) after ${attempts} attempt(s)`);
}
