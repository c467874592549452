// In-process fakes of the two VS Code extension stores, speaking the endpoints our spoke uses, as
// documented by their clients:
// - Visual Studio Marketplace (gallery API): POST /_apis/public/gallery/extensionquery (filterType 7
//   = publisher.name), POST /_apis/gallery/extensions (new extension, raw .vsix body), PUT
//   /_apis/gallery/publishers/<p>/extensions/<n> (new version), Basic auth `OAuth:<PAT>`; 409 when the
//   version exists, 401 on a bad PAT.
// - Open VSX: POST /api/-/publish?token=<PAT> (raw .vsix body), GET /api/<ns>/<name>[/<version>];
//   400 "… is already published." on a duplicate, 403 "Invalid access token." on a bad token.
// Both read the uploaded package for real (zip → extension/package.json).

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readVsix, type VsixFacts } from './read-vsix.js';

export interface StoredVersion extends VsixFacts {
  file: string;
}

export interface ExtensionStoreFake {
  /** Base URLs to hand to DEPLOYFORGE_VSCE_MARKETPLACE_URL / DEPLOYFORGE_OVSX_URL. */
  marketplaceUrl: string;
  openVsxUrl: string;
  marketplace: Map<string, StoredVersion[]>;
  openVsx: Map<string, StoredVersion[]>;
  /** Successful writes per store. */
  writes: { marketplace: number; openVsx: number };
  /** Every request line, for assertions (tokens in Open VSX query strings included: tests only). */
  requests: string[];
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) }).end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startExtensionStoreFake(options: { marketplacePat: string; openVsxToken: string }): Promise<ExtensionStoreFake> {
  const dir = await mkdtemp(join(tmpdir(), 'df-vscode-stores-'));
  const marketplace = new Map<string, StoredVersion[]>();
  const openVsx = new Map<string, StoredVersion[]>();
  const writes = { marketplace: 0, openVsx: 0 };
  const requests: string[] = [];
  let uploads = 0;

  async function store(req: IncomingMessage): Promise<StoredVersion> {
    const file = join(dir, `upload-${++uploads}.vsix`);
    await writeFile(file, await readBody(req));
    return { ...(await readVsix(file)), file };
  }

  async function handleMarketplace(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method === 'POST' && path === '/_apis/public/gallery/extensionquery') {
      const query = JSON.parse((await readBody(req)).toString('utf8')) as { filters: { criteria: { filterType: number; value: string }[] }[] };
      const id = query.filters[0]?.criteria.find((c) => c.filterType === 7)?.value.toLowerCase() ?? '';
      const versions = marketplace.get(id);
      const extensions = versions
        ? [{
            publisher: { publisherName: versions[0]!.publisher, displayName: versions[0]!.publisher },
            extensionName: versions[0]!.name,
            versions: [...versions].reverse().map((v) => ({ version: v.version, lastUpdated: '2026-01-01T00:00:00.000Z', files: [], properties: [] })),
          }]
        : [];
      return json(res, 200, { results: [{ extensions, pagingToken: null, resultMetadata: [{ metadataType: 'ResultCount', metadataItems: [{ name: 'TotalCount', count: extensions.length }] }] }] });
    }
    const create = req.method === 'POST' && path === '/_apis/gallery/extensions';
    const update = req.method === 'PUT' && /^\/_apis\/gallery\/publishers\/[^/]+\/extensions\/[^/]+$/.test(path);
    if (!create && !update) return json(res, 404, { message: `no route ${req.method} ${path}` });
    const auth = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!auth || Buffer.from(auth, 'base64').toString('utf8').split(':').slice(1).join(':') !== options.marketplacePat) {
      req.resume();
      return json(res, 401, { message: "TF400813: The user '' is not authorized to access this resource." });
    }
    const uploaded = await store(req);
    const id = `${uploaded.publisher}.${uploaded.name}`.toLowerCase();
    const versions = marketplace.get(id);
    if (create && versions) return json(res, 409, { message: 'The extension already exists.' });
    if (update && !versions) return json(res, 404, { message: `Extension ${id} does not exist.` });
    if (versions?.some((v) => v.version === uploaded.version)) {
      return json(res, 409, { message: `Version ${uploaded.version} of ${id} already exists.` });
    }
    marketplace.set(id, [...(versions ?? []), uploaded]);
    writes.marketplace++;
    return json(res, create ? 201 : 200, { extensionName: uploaded.name, publisher: { publisherName: uploaded.publisher }, versions: [{ version: uploaded.version }] });
  }

  async function handleOpenVsx(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    if (req.method === 'POST' && path === '/api/-/publish') {
      if (url.searchParams.get('token') !== options.openVsxToken) {
        req.resume();
        return json(res, 403, { error: 'Invalid access token.' });
      }
      const uploaded = await store(req);
      const id = `${uploaded.publisher}.${uploaded.name}`.toLowerCase();
      const versions = openVsx.get(id) ?? [];
      if (versions.some((v) => v.version === uploaded.version)) {
        return json(res, 400, { error: `Extension ${uploaded.publisher}.${uploaded.name} ${uploaded.version} is already published.` });
      }
      openVsx.set(id, [...versions, uploaded]);
      writes.openVsx++;
      return json(res, 201, { namespace: uploaded.publisher, name: uploaded.name, version: uploaded.version, targetPlatform: 'universal' });
    }
    const m = /^\/api\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(path);
    if (req.method === 'GET' && m) {
      const versions = openVsx.get(`${decodeURIComponent(m[1]!)}.${decodeURIComponent(m[2]!)}`.toLowerCase()) ?? [];
      const wanted = m[3] ? versions.find((v) => v.version === decodeURIComponent(m[3]!)) : versions.at(-1);
      if (!wanted) return json(res, 404, { error: `Extension not found: ${m[1]}.${m[2]}${m[3] ? ` ${m[3]}` : ''}` });
      return json(res, 200, { namespace: wanted.publisher, name: wanted.name, version: wanted.version, files: { download: `/api/${m[1]}/${m[2]}/${wanted.version}/file` } });
    }
    return json(res, 404, { error: `no route ${req.method} ${path}` });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}`);
    const work = url.pathname.startsWith('/marketplace/')
      ? handleMarketplace(req, res, url.pathname.slice('/marketplace'.length))
      : url.pathname.startsWith('/openvsx/')
        ? handleOpenVsx(req, res, new URL(url.pathname.slice('/openvsx'.length) + url.search, 'http://127.0.0.1'))
        : Promise.resolve(json(res, 404, { message: 'unknown store' }));
    work.catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { message: `fake crashed: ${error instanceof Error ? error.message : String(error)}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    marketplaceUrl: `${base}/marketplace`,
    openVsxUrl: `${base}/openvsx`,
    marketplace,
    openVsx,
    writes,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
