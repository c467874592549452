// Serves asset bytes: browser_download_url (github.com/…/releases/download/<tag>/<name> on real GitHub) and
// the signed storage URL that `GET …/releases/assets/{id}` with Accept: application/octet-stream redirects to.
// These are not REST operations, so there is nothing in the description to validate them against.

import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { storageSignature } from './assets.js';
import type { FakeContext } from './context.js';
import type { FakeAsset } from './state.js';

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
}

async function stream(res: ServerResponse, asset: FakeAsset): Promise<void> {
  if (asset.state !== 'uploaded' || !asset.filePath) return notFound(res);
  asset.downloadCount += 1;
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(asset.size),
    'content-disposition': `attachment; filename=${asset.name}`,
  });
  try {
    await pipeline(createReadStream(asset.filePath, { highWaterMark: 1 << 20 }), res);
  } catch {
    // Client went away (or a reset fault cut the response): nothing left to do.
  }
}

/** Returns false when the path is not a download route. */
export async function serveDownload(fake: FakeContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const browser = /^\/download\/([^/]+)\/([^/]+)\/releases\/download\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (browser) {
    const [, owner, repoName, urlTag, name] = browser.map((s) => decodeURIComponent(s));
    const repo = fake.state.repos.get(`${owner}/${repoName}`.toLowerCase());
    const release = repo?.releases.find((r) => r.urlTag === urlTag);
    // Draft assets are only reachable with credentials; anonymous users get GitHub's 404.
    const asset = release && (!release.draft || fake.isAuthenticated(req)) ? release.assets.find((a) => a.name === name) : undefined;
    if (!asset) notFound(res);
    else await stream(res, asset);
    return true;
  }
  const storage = /^\/storage\/assets\/(\d+)$/.exec(url.pathname);
  if (storage) {
    const found = fake.state.asset(Number(storage[1]));
    if (!found || url.searchParams.get('sig') !== storageSignature) notFound(res);
    else await stream(res, found.asset);
    return true;
  }
  return false;
}
