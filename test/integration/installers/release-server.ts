import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createArchive } from '@deployforge/archive';
import { renderSha256Sums, sha256File } from '@deployforge/github';
import { archiveName, targetInfo, type TargetId } from '@deployforge/targets';

/** A request the server saw: path and user agent (curl/… or Wget/…). */
export interface SeenRequest {
  path: string;
  agent: string;
}

/**
 * A GitHub release's download folder on 127.0.0.1: `/<prefix>/<tag>/<file>` from `root/<prefix>/<tag>/`,
 * as github.com serves `/<owner>/<repo>/releases/download/<tag>/<file>`. Nothing else is served.
 */
export async function startReleaseServer(root: string): Promise<{ url: string; requests: SeenRequest[]; close: () => Promise<void> }> {
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push({ path, agent: String(req.headers['user-agent'] ?? '') });
    const file = join(root, path);
    if (path.includes('..') || !existsSync(file)) {
      res.writeHead(404).end('Not Found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * The archives of one release of `project` in `dir`, each holding a small program that prints its
 * version and target (so a test sees which archive was installed), plus SHA256SUMS over them.
 */
export async function writeRelease(dir: string, project: string, binary: string, version: string, targets: readonly TargetId[], work: string): Promise<Map<TargetId, string>> {
  mkdirSync(dir, { recursive: true });
  const archives = new Map<TargetId, string>();
  for (const target of targets) {
    const program = join(work, `${binary}-${version}-${target}`);
    writeFileSync(program, `#!/bin/sh\necho "${binary} ${version} ${target}"\n`, { mode: 0o755 });
    const name = archiveName(project, version, target);
    const exe = `${binary}${targetInfo(target).exeSuffix}`;
    await createArchive(targetInfo(target).archive, [{ source: program, name: exe, mode: 0o755 }], join(dir, name));
    archives.set(target, join(dir, name));
  }
  const entries = await Promise.all([...archives.values()].map(async (path) => ({ name: path.slice(dir.length + 1), sha256: await sha256File(path) })));
  writeFileSync(join(dir, 'SHA256SUMS'), renderSha256Sums(entries));
  return archives;
}
