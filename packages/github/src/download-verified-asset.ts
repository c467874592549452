import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export class AssetDownloadError extends Error {
  override readonly name = 'AssetDownloadError';
}

export interface DownloadOptions {
  url: string;
  /** Where the verified file ends up; a `.partial` sibling is used until the digest matches. */
  destination: string;
  sha256: string;
  /** Sent only to the host of `url`, never to a redirect target (GitHub redirects to a CDN). */
  token?: string;
  /** `application/octet-stream` for the API asset URL of a draft or private release. */
  accept?: string;
  signal?: AbortSignal;
  maxRedirects?: number;
}

function get(url: URL, headers: Record<string, string>, signal?: AbortSignal): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'GET', headers, ...(signal ? { signal } : {}) }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/**
 * GET `url` and follow redirects to a 200 response whose body the caller consumes. The token goes
 * only to the host of `url`, never to a redirect target (GitHub redirects to a CDN that must not
 * see it). Anything but 200 after redirects is an AssetDownloadError naming the URL and status.
 */
export async function openAssetDownload(
  target: string,
  options: { token?: string; accept?: string; signal?: AbortSignal; maxRedirects?: number } = {},
): Promise<IncomingMessage> {
  let url = new URL(target);
  const origin = url.origin;
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
    const headers: Record<string, string> = { 'user-agent': 'deployforge', accept: options.accept ?? '*/*' };
    if (options.token && url.origin === origin) headers.authorization = `Bearer ${options.token}`;
    const response = await get(url, headers, options.signal);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      url = new URL(response.headers.location, url);
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new AssetDownloadError(`downloading ${target} failed: HTTP ${status}`);
    }
    return response;
  }
  throw new AssetDownloadError(`downloading ${target}: too many redirects`);
}

/**
 * Stream a release asset to disk while hashing it, and keep it only if the sha256 matches: a spoke
 * never publishes bytes the hub did not checksum. Constant memory at any size; a failed or
 * mismatching download leaves no file behind.
 */
export async function downloadVerifiedAsset(options: DownloadOptions): Promise<string> {
  const response = await openAssetDownload(options.url, {
    ...(options.token ? { token: options.token } : {}),
    ...(options.accept ? { accept: options.accept } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.maxRedirects !== undefined ? { maxRedirects: options.maxRedirects } : {}),
  });

  const hash = createHash('sha256');
  const partial = `${options.destination}.partial`;
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(response, hashing, createWriteStream(partial), ...(options.signal ? [{ signal: options.signal }] as const : []));
    const actual = hash.digest('hex');
    if (actual !== options.sha256.toLowerCase()) {
      throw new AssetDownloadError(`${options.url}: sha256 mismatch, expected ${options.sha256} (from SHA256SUMS), got ${actual}; refusing to publish it`);
    }
    await rename(partial, options.destination);
    return options.destination;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
