// A small Cargo registry for tests, in-process on 127.0.0.1: the sparse index, the publish API,
// downloads and yank, with crates.io's answers. Point cargo at it with
//   CARGO_REGISTRIES_LOCAL_INDEX=sparse+<indexUrl>  CARGO_REGISTRIES_LOCAL_TOKEN=<token>
// and `cargo publish --registry local`.

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { indexLine, indexPath, type PublishMetadata } from './index-entry.js';

export interface StoredCrate {
  name: string;
  vers: string;
  cksum: string;
  bytes: Buffer;
  line: Record<string, unknown>;
}

export interface CratesFake {
  url: string;
  /** `<url>/index/` (prefix with `sparse+` for cargo and the config). */
  indexUrl: string;
  /** Every `PUT /api/v1/crates/new`, accepted or not: a re-run must add none. */
  publishRequests(): number;
  crates: Map<string, StoredCrate[]>;
  /** Hide a crate from the index while keeping it: a lagging index, so cargo uploads a duplicate. */
  hideFromIndex(name: string, hidden: boolean): void;
  close(): Promise<void>;
}

const MAX_UPLOAD = 10 * 1024 * 1024;

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const errors = (res: ServerResponse, status: number, detail: string) => send(res, status, { errors: [{ detail }] });

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_UPLOAD) throw new Error(`max upload size is: ${MAX_UPLOAD}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function startCratesFake(options: { token: string }): Promise<CratesFake> {
  const crates = new Map<string, StoredCrate[]>();
  const hidden = new Set<string>();
  let publishes = 0;
  let base = '';
  const key = (name: string) => name.toLowerCase();

  async function publish(req: IncomingMessage, res: ServerResponse): Promise<void> {
    publishes++;
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      return errors(res, 413, (error as Error).message);
    }
    if (req.headers.authorization !== options.token) {
      return errors(res, 403, 'authentication failed: the given API token does not match the format used by crates.io');
    }
    // u32le JSON length, JSON, u32le crate length, crate bytes.
    if (body.length < 4) return errors(res, 400, 'invalid upload request: truncated body');
    const jsonLength = body.readUInt32LE(0);
    if (body.length < 8 + jsonLength) return errors(res, 400, 'invalid upload request: truncated metadata');
    let meta: PublishMetadata;
    try {
      meta = JSON.parse(body.subarray(4, 4 + jsonLength).toString('utf8')) as PublishMetadata;
    } catch (error) {
      return errors(res, 400, `invalid upload request: ${(error as Error).message}`);
    }
    const crateLength = body.readUInt32LE(4 + jsonLength);
    const crate = body.subarray(8 + jsonLength);
    if (crate.length !== crateLength) return errors(res, 400, `invalid upload request: crate length ${crate.length} != ${crateLength}`);
    try {
      gunzipSync(crate);
    } catch {
      return errors(res, 400, 'failed to decompress the crate: not a .crate (gzip) file');
    }
    if (typeof meta.name !== 'string' || typeof meta.vers !== 'string') return errors(res, 400, 'invalid upload request: missing name or vers');
    const versions = crates.get(key(meta.name)) ?? [];
    const plain = (v: string) => v.replace(/\+.*$/, '');
    if (versions.some((v) => plain(v.vers) === plain(meta.vers))) {
      // crates.io answers a duplicate with 200 and an errors array; cargo shows the detail.
      return send(res, 200, { errors: [{ detail: `crate version \`${meta.vers}\` is already uploaded` }] });
    }
    const cksum = createHash('sha256').update(crate).digest('hex');
    versions.push({ name: meta.name, vers: meta.vers, cksum, bytes: Buffer.from(crate), line: indexLine(meta, cksum) });
    crates.set(key(meta.name), versions);
    return send(res, 200, { warnings: { invalid_categories: [], invalid_badges: [], other: [] } });
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const fail = (error: unknown) => {
      if (!res.headersSent) errors(res, 500, `fake error: ${(error as Error).message}`);
      else res.destroy();
    };
    try {
      let m: RegExpExecArray | null;
      if (req.method === 'PUT' && path === '/api/v1/crates/new') {
        publish(req, res).catch(fail);
        return;
      }
      req.resume();
      if (req.method === 'GET' && path === '/index/config.json') {
        return send(res, 200, { dl: `${base}/api/v1/crates`, api: base });
      }
      if (req.method === 'GET' && path.startsWith('/index/')) {
        const rest = path.slice('/index/'.length);
        const name = rest.split('/').at(-1) ?? '';
        const versions = crates.get(key(name));
        if (!versions || hidden.has(key(name)) || indexPath(name) !== rest) {
          res.writeHead(404, { 'content-type': 'text/plain' });
          return res.end('not found\n');
        }
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(versions.map((v) => JSON.stringify(v.line)).join('\n') + '\n');
      }
      if (req.method === 'GET' && (m = /^\/api\/v1\/crates\/([^/]+)\/([^/]+)\/download$/.exec(path))) {
        const found = crates.get(key(m[1]!))?.find((v) => v.vers === decodeURIComponent(m![2]!));
        if (!found) return errors(res, 404, 'Not Found');
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': found.bytes.length });
        return res.end(found.bytes);
      }
      if ((req.method === 'DELETE' || req.method === 'PUT') && (m = /^\/api\/v1\/crates\/([^/]+)\/([^/]+)\/(yank|unyank)$/.exec(path))) {
        if (req.headers.authorization !== options.token) return errors(res, 403, 'authentication failed');
        const found = crates.get(key(m[1]!))?.find((v) => v.vers === decodeURIComponent(m![2]!));
        if (!found) return errors(res, 404, 'crate version not found');
        found.line = { ...found.line, yanked: m[3] === 'yank' };
        return send(res, 200, { ok: true });
      }
      return errors(res, 404, 'Not Found');
    } catch (error) {
      fail(error);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    indexUrl: `${base}/index/`,
    publishRequests: () => publishes,
    crates,
    hideFromIndex: (name, hide) => (hide ? hidden.add(key(name)) : hidden.delete(key(name))),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
