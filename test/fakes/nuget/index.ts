// A small NuGet v2 feed for the Chocolatey spoke's tests, spoken to by the spoke and by the real NuGet 2.8.7
// client (Debian `nuget`): push (`PUT /api/v2/package/`, multipart, X-NuGet-ApiKey; 201, 409 duplicate, 403
// bad key), the OData entry `Packages(Id,Version)`, `FindPackagesById()`, `Search()`, `$metadata` and the
// package download. `moderation: true` behaves like the Chocolatey community feed: pushed versions wait
// as "Submitted" (IsApproved=false) until `approve()`.
//
//   const feed = await startNuGetFake({ apiKey: 'k' });
//   config: platforms.chocolatey.source = feed.url

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { entryDocument, feedDocument, metadataDocument, serviceDocument, type StoredPackage } from './atom.js';
import { firstFilePart } from './multipart.js';
import { readNupkg } from './nupkg-reader.js';

export type { StoredPackage } from './atom.js';

export interface NuGetFake {
  /** Feed root, e.g. http://127.0.0.1:PORT/ (the API is under api/v2/). */
  url: string;
  packages: StoredPackage[];
  /** `METHOD path` of every request, in order. */
  requests: string[];
  /** Pushes that stored a package. */
  writeCount(): number;
  /** Headers of every push (tests check the key travels in X-NuGet-ApiKey). */
  pushHeaders: Record<string, string | string[] | undefined>[];
  approve(id: string, version: string): void;
  close(): Promise<void>;
}

export interface NuGetFakeOptions {
  apiKey: string;
  moderation?: boolean;
}

const decode = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** `'it''s'` → `it's` (OData string literal). */
const odataString = (raw: string): string => decode(raw).replace(/^'|'$/g, '').replace(/''/g, "'");

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startNuGetFake(options: NuGetFakeOptions): Promise<NuGetFake> {
  const packages: StoredPackage[] = [];
  const requests: string[] = [];
  const pushHeaders: NuGetFake['pushHeaders'] = [];
  let writes = 0;
  let base = '';

  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  const find = (id: string, version: string): StoredPackage | undefined => packages.find((p) => same(p.id, id) && same(p.version, version));
  const latestOf = (id: string): StoredPackage | undefined => packages.filter((p) => same(p.id, id) && p.approved).at(-1);
  const withLatest = (list: StoredPackage[]) => list.map((p) => ({ p, latest: latestOf(p.id) === p }));

  const send = (res: ServerResponse, status: number, body: string | Buffer, type = 'application/atom+xml;type=feed;charset=utf-8'): void => {
    res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), DataServiceVersion: '2.0;' }).end(body);
  };
  const notFound = (res: ServerResponse, what = 'Resource not found for the segment.'): void =>
    send(res, 404, `<?xml version="1.0" encoding="utf-8"?><m:error xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><m:code /><m:message xml:lang="en-US">${what}</m:message></m:error>`, 'application/xml');

  async function push(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    pushHeaders.push({ ...req.headers });
    if (req.headers['x-nuget-apikey'] !== options.apiKey) {
      send(res, 403, 'The specified API key is invalid, has expired, or does not have permission to access the specified package.', 'text/plain');
      return;
    }
    const nupkg = firstFilePart(body, req.headers['content-type']) ?? body;
    let facts;
    try {
      facts = await readNupkg(nupkg);
    } catch (error) {
      send(res, 400, `The package is invalid: ${(error as Error).message}`, 'text/plain');
      return;
    }
    const id = decode(facts.id);
    const version = decode(facts.version);
    const existing = find(id, version);
    if (existing) {
      const why = existing.approved
        ? `A package with ID '${id}' and version '${version}' already exists and cannot be modified.`
        : `A package with ID '${id}' and version '${version}' already exists and is in moderation.`;
      send(res, 409, why, 'text/plain');
      return;
    }
    const moderated = options.moderation === true;
    const stored: StoredPackage = {
      id,
      version,
      hash: createHash('sha512').update(nupkg).digest('base64'),
      size: nupkg.length,
      published: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      approved: !moderated,
      status: moderated ? 'Submitted' : 'Approved',
      bytes: Buffer.from(nupkg),
    };
    for (const key of ['title', 'authors', 'description', 'summary', 'tags', 'projectUrl'] as const) {
      const v = facts[key];
      if (v !== undefined) stored[key] = decode(v);
    }
    packages.push(stored);
    writes += 1;
    res.writeHead(201).end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const method = (req.method ?? 'GET').toUpperCase();
    requests.push(`${method} ${url.pathname}${url.search}`);
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v2/i, '');
    if (!/^\/api\/v2(?:\/|$)/i.test(url.pathname)) return notFound(res);

    if (method === 'PUT' && /^\/package\/?$/i.test(path)) return push(req, res);
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');

    if (path === '' || path === '/') return send(res, 200, serviceDocument(`${base}api/v2/`), 'application/xml;charset=utf-8');
    if (/^\/\$metadata$/i.test(path)) return send(res, 200, metadataDocument(), 'application/xml;charset=utf-8');

    const download = /^\/package\/([^/]+)\/([^/]+)\/?$/i.exec(path);
    const entry = /^\/Packages\(Id='((?:[^']|'')*)',Version='((?:[^']|'')*)'\)(\/\$value)?$/i.exec(path);
    if (download || entry?.[3]) {
      const [id, version] = download ? [download[1]!, download[2]!] : [odataString(entry![1]!), odataString(entry![2]!)];
      const p = find(id, version);
      if (!p) return notFound(res);
      return send(res, 200, p.bytes, 'application/zip');
    }
    if (entry) {
      const p = find(odataString(entry[1]!), odataString(entry[2]!));
      if (!p) return notFound(res);
      return send(res, 200, entryDocument(`${base}api/v2/`, p, latestOf(p.id) === p), 'application/atom+xml;type=entry;charset=utf-8');
    }
    const count = /\/\$count$/.test(path);
    const fn = /^\/(FindPackagesById|Search|Packages)\(?\)?(?:\/\$count)?$/i.exec(path)?.[1]?.toLowerCase();
    if (fn) {
      let list: StoredPackage[];
      if (fn === 'findpackagesbyid') {
        const id = odataString(url.searchParams.get('id') ?? '');
        list = packages.filter((p) => same(p.id, id));
      } else if (fn === 'search') {
        const term = odataString(url.searchParams.get('searchTerm') ?? '').toLowerCase();
        const prerelease = url.searchParams.get('includePrerelease') === 'true';
        list = packages.filter((p) => p.approved && (prerelease || !p.version.includes('-')) && (!term || p.id.toLowerCase().includes(term)));
        // `nuget list` asks for the latest version of each package only.
        if (/IsLatestVersion|IsAbsoluteLatestVersion/.test(url.searchParams.get('$filter') ?? '')) list = list.filter((p) => latestOf(p.id) === p);
      } else {
        list = [...packages];
      }
      const skip = Number(url.searchParams.get('$skip') ?? 0);
      const top = Number(url.searchParams.get('$top') ?? 100);
      if (count) return send(res, 200, String(list.length), 'text/plain;charset=utf-8');
      return send(res, 200, feedDocument(`${base}api/v2/`, fn === 'findpackagesbyid' ? 'FindPackagesById' : fn === 'search' ? 'Search' : 'Packages', withLatest(list.slice(skip, skip + top))));
    }
    return notFound(res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `fake error: ${String(error)}`, 'text/plain');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}/`;
  return {
    url: base,
    packages,
    requests,
    pushHeaders,
    writeCount: () => writes,
    approve(id, version) {
      const p = find(id, version);
      if (!p) throw new Error(`no ${id} ${version} to approve`);
      p.approved = true;
      p.status = 'Approved';
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
