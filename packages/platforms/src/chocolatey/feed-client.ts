import { randomBytes } from 'node:crypto';
import { fetchWithRetries } from '../fetch-with-retries.js';
import type { PlatformContext } from '../platform.js';
import { entryUrl, findByIdUrl, pushUrl } from './feed-url.js';
import { atomEntries, parseFeedEntry, type FeedPackage } from './odata-entry.js';

export const API_KEY = 'CHOCOLATEY_API_KEY';

function signalFor(ctx: PlatformContext, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  return ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
}

/** Feed reads are idempotent: retried while the feed is unreachable (each retry logged), then named. */
const feedRead = (ctx: PlatformContext) => ({ log: ctx.log, timeoutMs: 60_000, ...(ctx.signal ? { signal: ctx.signal } : {}) });

/** OData `Packages(Id,Version)`: the entry, or undefined on 404. */
export async function feedPackage(ctx: PlatformContext, id: string, version: string): Promise<FeedPackage | undefined> {
  const url = entryUrl(ctx, id, version);
  const key = ctx.env[API_KEY];
  // Chocolatey shows a maintainer their own versions under moderation only with the key.
  const res = await fetchWithRetries(url, { headers: { accept: 'application/atom+xml', ...(key ? { 'X-NuGet-ApiKey': key } : {}) } }, feedRead(ctx));
  const body = await res.text();
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 200)}`);
  const entry = atomEntries(body)[0];
  if (!entry) throw new Error(`GET ${url} answered 200 without an Atom entry`);
  return parseFeedEntry(entry);
}

/** `FindPackagesById()`: every version the feed has of a package. */
export async function feedVersions(ctx: PlatformContext, id: string): Promise<FeedPackage[]> {
  const url = findByIdUrl(ctx, id);
  const res = await fetchWithRetries(url, { headers: { accept: 'application/atom+xml' } }, feedRead(ctx));
  const body = await res.text();
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 200)}`);
  return atomEntries(body).map(parseFeedEntry);
}

export interface PushAnswer {
  status: number;
  body: string;
}

/**
 * NuGet v2 push: `PUT /api/v2/package/` with the .nupkg as a multipart file part and the key in
 * `X-NuGet-ApiKey` (never in the URL, so it cannot end up in a proxy log).
 */
export async function pushNupkg(ctx: PlatformContext, nupkg: Buffer, fileName: string): Promise<PushAnswer> {
  const key = ctx.env[API_KEY];
  if (!key) throw new Error(`${API_KEY} is not set: add your Chocolatey API key (https://community.chocolatey.org/account) as this secret`);
  const boundary = `deployforge-${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="package"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const res = await fetch(pushUrl(ctx), {
    method: 'PUT',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'X-NuGet-ApiKey': key, 'X-NuGet-Protocol-Version': '4.1.0' },
    body: Buffer.concat([head, nupkg, tail]),
    signal: signalFor(ctx, 300_000),
  });
  return { status: res.status, body: await res.text() };
}
