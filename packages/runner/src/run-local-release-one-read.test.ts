// Issue 20, "one read per upload", for `deployforge release`: the build's packager hashes each
// archive from the bytes it writes, and the hub's upload is the only read of the archive on a first
// release (no hash right after packaging, none again to hand the files to the spokes). Reads are
// counted with /proc/self/io's rchar: every byte read() returned to this process, page cache
// included, so the test sees the reads whatever code makes them.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArchive } from '@deployforge/archive';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { parseSha256Sums, sha256File } from '@deployforge/github';
import type { GitHubFake } from '../../../test/fakes/github/index.js';
import { bytesRead } from '../../../test/helpers/bytes-read.js';
import { githubFakeEachTest } from '../../../test/helpers/github-fake-each-test.js';
import { runLocalRelease, type LocalReleaseFlags, type LocalReleaseResult } from './run-local-release.js';
import { runSnapshot } from './run-snapshot.js';

const MiB = 1 << 20;
const TOKEN = 'ghs_local_one_read_token_0123456789';
let fake: GitHubFake;
githubFakeEachTest({ token: TOKEN, repos: ['acme/app'] }, (started) => (fake = started));

/**
 * A project whose "build" is `true` and whose binary is already there: random bytes, so each
 * archive is about as large as the binary and the archives' reads stand out.
 */
async function project(size: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'df-local-one-read-'));
  await mkdir(join(dir, 'bin'));
  await writeFile(join(dir, 'bin', 'app'), randomBytes(size), { mode: 0o755 });
  await writeFile(join(dir, 'deployforge.yml'), [
    'project: { name: app, repository: acme/app, license: MIT }',
    'build:',
    '  binary: app',
    '  targets: [linux-x64, windows-x64]',
    '  command: "true"',
    '  path: bin/app',
    'release: { notes: none }',
    'platforms: {}',
    '',
  ].join('\n'));
  return dir;
}

/** What packaging alone reads (the binary, once per format), measured on the same binary. */
async function packagingReads(binary: string): Promise<number> {
  const scratch = await mkdtemp(join(tmpdir(), 'df-local-one-read-pack-'));
  let read = 0;
  for (const [format, name] of [['tar.gz', 'app'], ['zip', 'app.exe']] as const) {
    const before = bytesRead();
    await createArchive(format, [{ source: binary, name, mode: 0o755 }], join(scratch, `x.${format}`));
    read += bytesRead() - before;
  }
  return read;
}

/** `deployforge release` in this process; the bytes read beyond packaging. */
async function release(dir: string, packaging: number, flags: Partial<LocalReleaseFlags> = {}): Promise<{ result: LocalReleaseResult; read: number }> {
  const before = bytesRead();
  const result = await runLocalRelease({
    configPath: join(dir, 'deployforge.yml'),
    flags: { version: '1.0.0', dryRun: false, force: false, outDir: join(dir, 'out'), ...flags },
    io: { cwd: dir, env: { PATH: process.env.PATH, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: fake.url } },
    log: createMemoryLogger(),
  });
  return { result, read: bytesRead() - before - packaging };
}

const mib = (n: number): string => `${(n / MiB).toFixed(1)} MiB`;

describe('deployforge release reads each archive once on a first release, and --snapshot and --dry-run none again', () => {
  it('the packager hashes what it writes; the upload is the only read of each archive; a re-run reads none', async () => {
    const size = 12 * MiB;
    const dir = await project(size);
    const packaging = await packagingReads(join(dir, 'bin', 'app'));

    const first = await release(dir, packaging);
    expect(first.result.hub?.published).toBe(true);
    const published = fake.state.repo('acme/app')!.releases[0]!;
    const archives = published.assets.filter((a) => /\.(tar\.gz|zip)$/.test(a.name));
    expect(archives.map((a) => a.name).sort()).toEqual(['app-1.0.0-linux-x64.tar.gz', 'app-1.0.0-windows-x64.zip']);
    const total = archives.reduce((sum, a) => sum + a.size, 0);
    expect(total).toBeGreaterThan(2 * size * 0.99); // random bytes: each archive is as large as the binary
    // Beyond packaging: each archive's upload (the file, then the fake reading its socket in this
    // process) is 2 × the archives. Hashing each archive after packaging and again before the
    // spokes, as before, made it 4 ×.
    expect(first.read, `read ${mib(first.read)} beyond packaging for ${mib(total)} of archives`).toBeLessThan(2.5 * total);
    expect(first.read).toBeGreaterThan(1.5 * total); // the measure works: the uploads were counted

    // The digests are those of the bytes the release holds, in SHA256SUMS and in status.json alike.
    const sums = parseSha256Sums(await readFile(published.assets.find((a) => a.name === 'SHA256SUMS')!.filePath!, 'utf8'));
    for (const a of archives) {
      expect(a.sha256, a.name).toBe(await sha256File(a.filePath!));
      expect(sums.find((e) => e.name === a.name)?.sha256, a.name).toBe(a.sha256);
      expect(first.result.status.release?.assets.find((s) => s.name === a.name)?.sha256, a.name).toBe(a.sha256);
    }

    // A forced re-run builds again and compares with the release by the packager's digests: no
    // archive is read (before: hashed after packaging, by the hub to compare, and for the spokes).
    const writes = fake.writeCount();
    const again = await release(dir, packaging, { force: true });
    expect(again.result.hub?.writes).toBe(0);
    expect(fake.writeCount()).toBe(writes);
    expect(again.read, `re-run read ${mib(again.read)} beyond packaging`).toBeLessThan(0.5 * total);
  }, 120_000);

  it('a dry run of a new version reads no archive beyond packaging', async () => {
    const size = 12 * MiB;
    const dir = await project(size);
    const packaging = await packagingReads(join(dir, 'bin', 'app'));
    const dry = await release(dir, packaging, { dryRun: true });
    expect(dry.result.hub?.dryRun).toBe(true);
    expect(fake.writeCount()).toBe(0);
    // Before: hashed after packaging, by the hub to decide, and for the spokes (3 × 24 MiB).
    expect(dry.read, `dry run read ${mib(dry.read)} beyond packaging`).toBeLessThan(0.5 * 2 * size);
  }, 120_000);

  it('release --snapshot: the SBOM, SHA256SUMS and the assets take the packager\'s digests; no archive is read again', async () => {
    const size = 12 * MiB;
    const dir = await project(size);
    const packaging = await packagingReads(join(dir, 'bin', 'app'));
    const before = bytesRead();
    const snapshot = await runSnapshot({ configPath: join(dir, 'deployforge.yml'), flags: { version: '1.0.0', targets: 'linux-x64,windows-x64' }, io: { cwd: dir, env: { PATH: process.env.PATH } }, log: createMemoryLogger() });
    const read = bytesRead() - before - packaging;
    // Before: hashed for the SBOM, for SHA256SUMS and for the spokes' assets (3 × 24 MiB).
    expect(read, `snapshot read ${mib(read)} beyond packaging`).toBeLessThan(0.5 * 2 * size);
    const sums = parseSha256Sums(await readFile(join(snapshot.release.dir, 'SHA256SUMS'), 'utf8'));
    const sbom = await readFile(join(snapshot.release.dir, 'app-1.0.0.cdx.json'), 'utf8');
    for (const name of ['app-1.0.0-linux-x64.tar.gz', 'app-1.0.0-windows-x64.zip']) {
      const truth = await sha256File(join(snapshot.release.dir, name));
      expect(sums.find((e) => e.name === name)?.sha256, name).toBe(truth);
      expect(sbom, name).toContain(truth);
    }
  }, 120_000);
  it('release --artifacts: the check that opens each .tar.gz also hashes it, and the spokes take the hub\'s digests', async () => {
    // A dry run keeps its archives; they are then handed back as prebuilt artifacts. The .tar.gz is
    // read whole by the check (it must find the binary at its root); the .zip is checked from its
    // central directory.
    const size = 12 * MiB;
    const dir = await project(size);
    await release(dir, 0, { dryRun: true });
    const kept = join(dir, '.deployforge', 'dist', '1.0.0', 'github');
    const artifacts = join(dir, 'prebuilt');
    await mkdir(artifacts);
    const tar = 'app-1.0.0-linux-x64.tar.gz';
    const zip = 'app-1.0.0-windows-x64.zip';
    for (const name of [tar, zip]) await copyFile(join(kept, name), join(artifacts, name));
    const tarSize = (await stat(join(artifacts, tar))).size;
    const zipSize = (await stat(join(artifacts, zip))).size;
    const total = tarSize + zipSize;

    // A dry run: the check's read of the .tar.gz is its only one; the .zip is hashed by the hub and
    // again for the spokes (a dry run's digests are not taken over). Before: 5 × 12 MiB, now 3 ×.
    const dry = await release(dir, 0, { dryRun: true, artifacts });
    expect(dry.result.hub?.dryRun).toBe(true);
    expect(dry.read, `dry run read ${mib(dry.read)} for a ${mib(tarSize)} .tar.gz and a ${mib(zipSize)} .zip`).toBeLessThan(tarSize + 2.5 * zipSize);
    expect(dry.read).toBeGreaterThan(0.9 * tarSize); // the measure works: the check's read was counted

    // A real release: the check's read, then the uploads (the files, and the fake reading its
    // socket in this process: 2 × both). The spokes take the digests the hub established; without
    // them the .zip, which the check does not read whole, was hashed again for them (72 MiB here).
    const real = await release(dir, 0, { artifacts });
    expect(real.result.hub?.published).toBe(true);
    expect(real.read, `release read ${mib(real.read)} for ${mib(total)} of archives`).toBeLessThan(tarSize + 2.25 * total);
    expect(real.read).toBeGreaterThan(tarSize + 1.5 * total);
    const published = fake.state.repo('acme/app')!.releases[0]!;
    const sums = parseSha256Sums(await readFile(published.assets.find((a) => a.name === 'SHA256SUMS')!.filePath!, 'utf8'));
    for (const name of [tar, zip]) {
      const truth = await sha256File(join(artifacts, name));
      expect(sums.find((e) => e.name === name)?.sha256, name).toBe(truth);
      expect(real.result.status.release?.assets.find((a) => a.name === name)?.sha256, name).toBe(truth);
    }
  }, 120_000);
});
