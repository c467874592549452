// A small PyPI for tests, in-process on 127.0.0.1, speaking what twine and pip speak: the legacy
// upload API, the PEP 503 simple index, the JSON API and file downloads.
//
//   const pypi = await startPypiFake({ token: 'pypi-secret' });
//   twine upload --repository-url pypi.uploadUrl …   /   pip install --index-url pypi.simpleUrl …
//   expect(pypi.uploadRequests()).toBe(1);
//   await pypi.close();

import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveJsonApi } from './json-api.js';
import { serveSimpleProject, serveSimpleRoot } from './simple-index.js';
import type { PypiFakeState, StoredFile } from './state.js';
import { fail, handleUpload, normalize } from './upload.js';

export type { StoredFile } from './state.js';

export interface PypiFake {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The legacy upload endpoint, `<url>/legacy/` (twine `--repository-url`, config `repository`). */
  uploadUrl: string;
  /** `<url>/` (config `index`: the JSON API lives at `<index>pypi/…`). */
  indexUrl: string;
  /** `<url>/simple/` (pip `--index-url`). */
  simpleUrl: string;
  state: PypiFakeState;
  /** Every `POST` to the upload endpoint, accepted or not: a re-run must add none. */
  uploadRequests(): number;
  /** Uploads that stored a file. */
  acceptedUploads(): number;
  /** Like PyPI's "delete file": gone from every listing, but its name can never be uploaded again. */
  deleteFile(filename: string): void;
  /** The next `count` uploads answer `status`, before storing or (a lost answer) after storing. */
  failNextUploads(count: number, status: number, afterStore: boolean): void;
  close(): Promise<void>;
}

export async function startPypiFake(options: { token: string }): Promise<PypiFake> {
  const dataDir = await mkdtemp(join(tmpdir(), 'deployforge-pypi-fake-'));
  const state: PypiFakeState = { files: new Map() };
  let uploads = 0;
  let accepted = 0;
  let base = '';
  const faults: { status: number; afterStore: boolean }[] = [];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    const done = (error: unknown) => {
      if (!res.headersSent) fail(res, 500, `fake error: ${(error as Error).message}`);
      else res.destroy();
    };
    try {
      if (req.method === 'POST' && (path === '/legacy/' || path === '/legacy')) {
        uploads++;
        const fault = faults.shift();
        handleUpload(state, { token: options.token, dataDir, onAccepted: () => accepted++, ...(fault ? { fault } : {}) }, req, res).catch(done);
        return;
      }
      req.resume();
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'Method Not Allowed');
      let m: RegExpExecArray | null;
      if (path === '/simple/') return serveSimpleRoot(state, res);
      if ((m = /^\/simple\/([^/]+)\/?$/.exec(path))) {
        const name = decodeURIComponent(m[1]!);
        // Warehouse redirects every other spelling to the normalized one.
        if (name !== normalize(name) || !path.endsWith('/')) {
          res.writeHead(301, { location: `/simple/${normalize(name)}/` });
          return res.end();
        }
        return serveSimpleProject(state, res, name);
      }
      if ((m = /^\/pypi\/([^/]+)\/json\/?$/.exec(path))) return serveJsonApi(state, base, res, normalize(decodeURIComponent(m[1]!)));
      if ((m = /^\/pypi\/([^/]+)\/([^/]+)\/json\/?$/.exec(path))) {
        return serveJsonApi(state, base, res, normalize(decodeURIComponent(m[1]!)), decodeURIComponent(m[2]!));
      }
      if ((m = /^\/files\/([^/]+)$/.exec(path))) {
        const file: StoredFile | undefined = state.files.get(decodeURIComponent(m[1]!));
        if (!file || file.deleted) return fail(res, 404, 'Not Found');
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.size });
        if (req.method === 'HEAD') return res.end();
        createReadStream(file.path).pipe(res);
        return;
      }
      return fail(res, 404, 'Not Found');
    } catch (error) {
      done(error);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    uploadUrl: `${base}/legacy/`,
    indexUrl: `${base}/`,
    simpleUrl: `${base}/simple/`,
    state,
    uploadRequests: () => uploads,
    acceptedUploads: () => accepted,
    deleteFile: (filename) => {
      const file = state.files.get(filename);
      if (!file) throw new Error(`no file ${filename}`);
      file.deleted = true;
    },
    failNextUploads: (count, status, afterStore) => {
      for (let i = 0; i < count; i++) faults.push({ status, afterStore });
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
