// Release asset handlers. Uploads stream to disk while hashing (never buffered: benchmarks push 1 GiB), and
// fail the way GitHub does: a duplicate name is 422 already_exists; a broken upload leaves a `starter` asset
// that blocks the name until deleted.

import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Handler, RequestContext } from './context.js';
import { findRepo } from './releases.js';
import { assetJson } from './serialize.js';
import { nodeId, now, type FakeAsset, type FakeRelease, type FakeRepo } from './state.js';

/** Secret for the pre-signed storage URLs that the API's octet-stream redirect points at. */
export const storageSignature = randomBytes(12).toString('hex');

/** Reads and discards a body, so an error answer reaches a client that is still sending. */
export function drain(stream: Readable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.readableEnded || stream.destroyed) return resolve();
    stream.on('end', resolve).on('error', () => resolve()).on('close', () => resolve());
    stream.resume();
  });
}

/**
 * GitHub renames asset files with special characters; the exact rules are not published, so this keeps the
 * common safe set and turns anything else into '.', which is what users observe for spaces and the like.
 */
export function githubAssetName(name: string): string {
  return name.replace(/[^A-Za-z0-9._+@-]/g, '.');
}

function findAsset(ctx: RequestContext): { repo: FakeRepo; release: FakeRelease; asset: FakeAsset } | undefined {
  const repo = findRepo(ctx);
  if (!repo) return undefined;
  const found = ctx.fake.state.asset(Number(ctx.params.asset_id));
  if (!found || found.repo !== repo) {
    ctx.error(404, 'Not Found');
    return undefined;
  }
  return found;
}

/** True (and answered 422) when the release is published under the immutable-releases quirk. */
function refusedAsImmutable(ctx: RequestContext, release: FakeRelease): boolean {
  if (!ctx.fake.quirks.immutableReleases || release.draft) return false;
  ctx.error(422, 'Cannot modify an asset of an immutable release.');
  return true;
}

function nameTaken(ctx: RequestContext): void {
  ctx.error(422, 'Validation Failed', [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]);
}

const listAssets: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const release = repo.releases.find((r) => r.id === ctx.params.release_id);
  if (!release) return ctx.error(404, 'Not Found');
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.per_page ?? 30)));
  const page = Math.max(1, Number(ctx.query.page ?? 1));
  const slice = release.assets.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  const last = Math.max(1, Math.ceil(release.assets.length / perPage));
  if (page < last) {
    const base = `${ctx.fake.url}${ctx.record.path.split('?')[0]}?per_page=${perPage}`;
    headers.link = `<${base}&page=${page + 1}>; rel="next", <${base}&page=${last}>; rel="last"`;
  }
  ctx.send(
    200,
    slice.map((a) => assetJson(ctx.fake, repo, release, a)),
    headers,
  );
};

const getAsset: Handler = (ctx) => {
  const found = findAsset(ctx);
  if (!found) return;
  // Like GitHub: asking for the bytes redirects to short-lived storage that needs no Authorization header.
  if ((ctx.req.headers.accept ?? '').includes('application/octet-stream')) {
    const location = `${ctx.fake.url}/storage/assets/${found.asset.id}?sig=${storageSignature}`;
    return ctx.send(302, undefined, { location });
  }
  ctx.send(200, assetJson(ctx.fake, found.repo, found.release, found.asset));
};

const updateAsset: Handler = (ctx) => {
  const found = findAsset(ctx);
  if (!found) return;
  const { repo, release, asset } = found;
  if (refusedAsImmutable(ctx, release)) return;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  if (typeof body.name === 'string') {
    const name = githubAssetName(body.name);
    if (release.assets.some((a) => a.name === name && a.id !== asset.id)) return nameTaken(ctx);
    asset.name = name;
  }
  if (typeof body.label === 'string') asset.label = body.label;
  asset.updatedAt = now();
  ctx.send(200, assetJson(ctx.fake, repo, release, asset));
};

const deleteAsset: Handler = async (ctx) => {
  const found = findAsset(ctx);
  if (!found) return;
  const { release, asset } = found;
  if (refusedAsImmutable(ctx, release)) return;
  release.assets = release.assets.filter((a) => a.id !== asset.id);
  if (asset.filePath) await rm(asset.filePath, { force: true });
  ctx.send(204);
};

/** Acts out a `corrupt` fault on a stored upload; returns the size and sha256 of what is now stored. */
async function corruptStoredFile(path: string, size: number, mode: 'flip' | 'truncate'): Promise<{ size: number; sha256: string }> {
  if (mode === 'truncate') {
    await truncate(path, Math.floor(size / 2));
  } else if (size > 0) {
    const file = await open(path, 'r+');
    try {
      const at = Math.floor(size / 2);
      const byte = Buffer.alloc(1);
      await file.read(byte, 0, 1, at);
      byte[0] = byte[0]! ^ 0xff;
      await file.write(byte, 0, 1, at);
    } finally {
      await file.close();
    }
  }
  // Hashing the stored file again is fine here: only tests turn this fault on, on small assets.
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { size: (await stat(path)).size, sha256: hash.digest('hex') };
}

const uploadAsset: Handler = async (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const release = repo.releases.find((r) => r.id === ctx.params.release_id);
  if (!release) {
    await drain(ctx.bodyStream);
    return ctx.error(404, 'Not Found');
  }
  const contentType = ctx.req.headers['content-type'];
  if (!contentType) {
    await drain(ctx.bodyStream);
    return ctx.error(400, 'Content-Type header is required');
  }
  if (ctx.fake.quirks.immutableReleases && !release.draft) {
    await drain(ctx.bodyStream);
    refusedAsImmutable(ctx, release);
    return;
  }
  const name = githubAssetName(String(ctx.query.name));
  // A starter asset left by a broken upload blocks the name too, until someone deletes it.
  if (release.assets.some((a) => a.name === name)) {
    await drain(ctx.bodyStream);
    return nameTaken(ctx);
  }

  const id = ctx.fake.state.nextId('asset');
  const at = now();
  const asset: FakeAsset = {
    id,
    nodeId: nodeId('RA', id),
    name,
    label: typeof ctx.query.label === 'string' ? ctx.query.label : null,
    contentType,
    state: 'starter',
    size: 0,
    sha256: null,
    filePath: null,
    downloadCount: 0,
    createdAt: at,
    updatedAt: at,
  };
  // Visible as `starter` while the bytes stream in, as on GitHub.
  release.assets.push(asset);

  if (ctx.fault?.rule.kind === 'starter502') {
    await drain(ctx.bodyStream);
    return ctx.error(502, 'Bad Gateway');
  }

  const filePath = join(ctx.fake.dataDir, `asset-${id}`);
  const hash = createHash('sha256');
  let size = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(ctx.bodyStream, hashing, createWriteStream(filePath, { highWaterMark: 1 << 20 }));
  } catch {
    // The client went away mid-body: nothing to answer. The asset stays `starter`, as GitHub leaves it.
    await rm(filePath, { force: true });
    if (!ctx.res.headersSent && !ctx.req.socket.destroyed) ctx.error(400, 'Upload interrupted');
    return;
  }
  const declared = ctx.req.headers['content-length'];
  if (declared !== undefined && Number(declared) !== size) {
    await rm(filePath, { force: true });
    return ctx.error(400, `Content-Length ${declared} does not match the ${size} bytes received`);
  }
  if (ctx.fault?.rule.kind === 'corrupt') {
    const stored = await corruptStoredFile(filePath, size, ctx.fault.rule.mode ?? 'flip');
    Object.assign(asset, { state: 'uploaded', ...stored, filePath, updatedAt: now() });
    return ctx.send(201, assetJson(ctx.fake, repo, release, asset));
  }
  Object.assign(asset, { state: 'uploaded', size, sha256: hash.digest('hex'), filePath, updatedAt: now() });
  ctx.send(201, assetJson(ctx.fake, repo, release, asset));
};

export const assetHandlers: Record<string, Handler> = {
  'repos/list-release-assets': listAssets,
  'repos/get-release-asset': getAsset,
  'repos/update-release-asset': updateAsset,
  'repos/delete-release-asset': deleteAsset,
  'repos/upload-release-asset': uploadAsset,
};
