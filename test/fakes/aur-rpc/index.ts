// A tiny aurweb RPC (v5 `info`) for tests. It answers from the bare repositories the local sshd stores
// pushes in, the way aurweb updates its database from each push's .SRCINFO, so the AUR spoke's check sees
// exactly what the real push left behind.
//
//   const rpc = await startAurRpcFake({ reposDir });
//   ctx.env.DEPLOYFORGE_AUR_RPC_URL = rpc.url;

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface AurRpcFake {
  url: string;
  /** Every request path the fake answered, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** The pushed .SRCINFO of a package, or undefined when the package was never pushed. */
async function pushedSrcinfo(reposDir: string, name: string): Promise<string | undefined> {
  const repo = join(reposDir, `${name}.git`);
  if (!/^[a-z0-9][a-z0-9@._+-]*$/.test(name) || !existsSync(repo)) return undefined;
  try {
    // The repositories belong to the sshd's user: tell git that reading them is fine.
    const { stdout } = await run('git', ['-c', 'safe.directory=*', '--git-dir', repo, 'show', 'master:.SRCINFO']);
    return stdout;
  } catch {
    return undefined; // created by a clone but never pushed to: aurweb has no package either
  }
}

function field(srcinfo: string, key: string): string | undefined {
  return new RegExp(`^\\t${key} = (.*)$`, 'm').exec(srcinfo)?.[1];
}

export async function startAurRpcFake(options: { reposDir: string }): Promise<AurRpcFake> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== '/rpc/v5/info') {
      send(404, { version: 5, type: 'error', resultcount: 0, results: [], error: 'Incorrect request type specified.' });
      return;
    }
    const names = url.searchParams.getAll('arg[]');
    void Promise.all(names.map(async (name, i) => ({ name, i, srcinfo: await pushedSrcinfo(options.reposDir, name) }))).then((found) => {
      const results = found
        .filter((f): f is { name: string; i: number; srcinfo: string } => f.srcinfo !== undefined)
        .map((f) => ({
          ID: 1000 + f.i,
          Name: f.name,
          PackageBaseID: 1000 + f.i,
          PackageBase: f.name,
          Version: `${field(f.srcinfo, 'pkgver') ?? '0'}-${field(f.srcinfo, 'pkgrel') ?? '1'}`,
          Description: field(f.srcinfo, 'pkgdesc') ?? null,
          URL: field(f.srcinfo, 'url') ?? null,
          NumVotes: 0,
          Popularity: 0,
          OutOfDate: null,
          Maintainer: 'deployforge',
          FirstSubmitted: 1_700_000_000,
          LastModified: 1_700_000_000,
          URLPath: `/cgit/aur.git/snapshot/${f.name}.tar.gz`,
        }));
      send(200, { version: 5, type: 'multiinfo', resultcount: results.length, results });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
