import { stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { RemoteAsset } from './release-types.js';
import { FileBodyError, sendFileBody } from './send-file-body.js';

export interface UploadAssetStreamOptions {
  /** The release's `upload_url`, with or without its `{?name,label}` template tail. */
  uploadUrl: string;
  token: string;
  /** Asset name on the release. */
  name: string;
  label?: string;
  /** File to stream. */
  path: string;
  /** Expected size in bytes; checked against the file before sending, since it is the Content-Length. */
  size: number;
  contentType: string;
  signal?: AbortSignal;
  userAgent?: string;
  /** Socket idle timeout in ms: a stalled upload fails instead of hanging the job. Default 120 000. */
  idleTimeoutMs?: number;
}

export type AssetUploadErrorKind =
  /** 422 with `already_exists`: an asset of that name is on the release (maybe ours, from a race). */
  | 'already_exists'
  /** 502: GitHub may have left a `starter` asset behind that must be deleted before a retry. */
  | 'bad_gateway'
  /** 403/429 with retry-after or an exhausted quota. */
  | 'rate_limited'
  /** The connection failed or was reset before a complete response. */
  | 'network'
  | 'aborted'
  /** Any other HTTP status. */
  | 'http';

/** A failed upload, typed so the release state machine can pick the recovery step. */
export class AssetUploadError extends Error {
  override readonly name = 'AssetUploadError';
  constructor(
    message: string,
    readonly kind: AssetUploadErrorKind,
    readonly assetName: string,
    readonly status?: number,
    /** Seconds to wait before retrying, for `rate_limited`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** Worth another attempt after a pause (the state machine still bounds the attempts). */
  get retryable(): boolean {
    return (
      this.kind === 'bad_gateway' ||
      this.kind === 'network' ||
      this.kind === 'rate_limited' ||
      (this.kind === 'http' && this.status !== undefined && this.status >= 500)
    );
  }
}

/** `…/assets{?name,label}` + name/label → `…/assets?name=…&label=…`. */
export function assetUploadUrl(uploadUrl: string, name: string, label?: string): URL {
  const url = new URL(uploadUrl.replace(/\{[^}]*\}$/, ''));
  url.searchParams.set('name', name);
  if (label) url.searchParams.set('label', label);
  return url;
}

/**
 * Upload one release asset by piping a file stream into `http(s).request`.
 *
 * Not through Octokit/fetch: undici keeps every chunk it has sent referenced until the request
 * finishes (nodejs/undici#4058), so a 1 GiB asset costs ~1.2 GiB of RSS there. A plain request with
 * `Content-Length`, fed by sendFileBody, keeps memory at two reused read buffers.
 */
export async function uploadAssetStream(options: UploadAssetStreamOptions): Promise<RemoteAsset> {
  return (await uploadAssetHashed(options)).asset;
}

/** An upload's answer, and the SHA-256 of the bytes it sent. */
export interface HashedUpload {
  asset: RemoteAsset;
  /** Lowercase hex, of exactly the `size` bytes that were read from the file and sent. */
  sha256: string;
}

/**
 * uploadAssetStream, hashing the bytes in the same read that streams them (issue 20: a first upload
 * reads its file once, and SHA256SUMS and the SBOM take this digest).
 */
export async function uploadAssetHashed(options: UploadAssetStreamOptions): Promise<HashedUpload> {
  const { name, path, size } = options;
  const actual = (await stat(path)).size;
  if (actual !== size) {
    throw new AssetUploadError(`${name}: file is ${actual} bytes, expected ${size} (changed while releasing?)`, 'http', name);
  }
  const url = assetUploadUrl(options.uploadUrl, name, options.label);
  const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (!transport) throw new Error(`upload_url has an unsupported scheme: ${url.protocol}`);

  const { status, headers, body, sha256 } = await streamRequest(transport, url, options);
  if (status === 201 || status === 200) {
    // The server took the whole body, so every byte went through the hash; a shorter read (the file
    // shrank under us) cannot get here, since Content-Length would not have been met.
    if (sha256 === undefined) throw new AssetUploadError(`${name}: upload answered ${status} before the whole file was sent`, 'network', name, status);
    try {
      return { asset: JSON.parse(body) as RemoteAsset, sha256 };
    } catch {
      // A cut-off answer: the upload may well have succeeded, so list-and-compare must decide.
      throw new AssetUploadError(`${name}: upload answered ${status} with a body that is not JSON`, 'network', name, status);
    }
  }
  throw classifyFailure(name, status, headers, body);
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Of the bytes sent, when all `size` of them were; undefined otherwise. */
  sha256: string | undefined;
}

function streamRequest(
  transport: typeof http | typeof https,
  url: URL,
  options: UploadAssetStreamOptions,
): Promise<RawResponse> {
  const { name, signal } = options;
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    let responded = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
    };
    const networkFailure = (error: Error): void =>
      settle(() =>
        reject(
          signal?.aborted
            ? new AssetUploadError(`${name}: upload aborted`, 'aborted', name)
            : new AssetUploadError(`${name}: connection failed during upload: ${error.message}`, 'network', name),
        ),
      );

    const request = transport.request(url, {
      method: 'POST',
      signal,
      timeout: options.idleTimeoutMs ?? 120_000,
      headers: {
        authorization: `Bearer ${options.token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'user-agent': options.userAgent ?? 'deployforge',
        'content-type': options.contentType,
        'content-length': String(options.size),
      },
    });
    request.on('timeout', () => request.destroy(new Error('socket idle timeout')));
    // The body, hashed as it is read: the digest of exactly what was sent, from the one read.
    const body = sendFileBody(options.path, options.size, request);
    body.catch((error: unknown) => {
      if (!(error instanceof FileBodyError)) return; // the request died: its own handlers settle
      request.destroy(error);
      settle(() => reject(new AssetUploadError(`${name}: could not read ${options.path}: ${error.message}`, 'http', name)));
    });
    request.on('response', (response) => {
      responded = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        // An answer before the whole body was sent (422, 502) has no digest to go with it, and the
        // rest of the body is not wanted: a server that answers early may stop reading and keep the
        // socket open, and the upload would then wait for the idle timeout (minutes) before
        // reporting an answer it already has.
        if (!request.writableEnded) request.destroy();
        void body.then(
          (sha256) => sha256,
          () => undefined,
        ).then((sha256) =>
          settle(() =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'), sha256 }),
          ),
        );
      });
      response.on('error', networkFailure);
      response.on('close', () => {
        if (!response.complete) networkFailure(new Error('response ended early'));
      });
    });
    // A server may answer (422, 502) before it has read the whole body and close the socket; the
    // write side then fails with EPIPE/ECONNRESET. The response is the truth in that case.
    request.on('error', (error) => {
      if (!responded) networkFailure(error);
    });
  });
}

function classifyFailure(name: string, status: number, headers: http.IncomingHttpHeaders, body: string): AssetUploadError {
  let parsed: { message?: string; errors?: Array<{ code?: string; field?: string }> } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    // GitHub's 502 pages are HTML; the status alone decides then.
  }
  const detail = parsed.message ? `: ${parsed.message}` : '';
  if (status === 422 && (parsed.errors ?? []).some((e) => e.code === 'already_exists')) {
    return new AssetUploadError(`${name}: an asset with this name already exists (422)`, 'already_exists', name, status);
  }
  if (status === 502) return new AssetUploadError(`${name}: upload answered 502 Bad Gateway`, 'bad_gateway', name, status);
  const retryAfter = headers['retry-after'];
  const quotaExhausted = headers['x-ratelimit-remaining'] === '0';
  if (status === 429 || (status === 403 && (retryAfter !== undefined || quotaExhausted || /rate limit/i.test(parsed.message ?? '')))) {
    let seconds = Number(retryAfter);
    if (!Number.isFinite(seconds) || seconds < 0) {
      const reset = Number(headers['x-ratelimit-reset']);
      seconds = Number.isFinite(reset) && reset > 0 ? Math.max(0, Math.ceil(reset - Date.now() / 1000) + 1) : 60;
    }
    return new AssetUploadError(`${name}: upload rate limited (${status})${detail}`, 'rate_limited', name, status, seconds);
  }
  return new AssetUploadError(`${name}: upload answered HTTP ${status}${detail}`, 'http', name, status);
}
