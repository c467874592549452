// Signing SHA256SUMS: what it costs and what it writes.
// 1. signDetachedGpg: one signature (key decrypted each time, as the sign job does), RSA-3072 and
//    Ed25519 keys, passphrase-protected.
// 2. prepareRelease (the sign job): SBOM + SHA256SUMS + GPG signature over K archives, wall time and
//    peak RSS: the archives are hashed as streams, so memory must not grow with their size.
// 3. publishRelease with a GPG signer against the GitHub fake: requests and writes for a first run,
//    a re-run of the finished release, and a re-run of a release interrupted before publishing.
//
//   npx tsx bench/sign-release.ts [--full]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { generateKey } from 'openpgp';
import { parseConfig } from '../packages/config/src/index.js';
import { createMemoryLogger } from '../packages/diagnostics/src/index.js';
import { createGitHubClient, publishRelease } from '../packages/github/src/index.js';
import { prepareRelease, releaseSigner } from '../packages/hub/src/index.js';
import { signDetachedGpg } from '../packages/signing/src/index.js';
import { parseVersionInput } from '../packages/version/src/index.js';
import { startGitHubFake } from '../test/fakes/github/index.js';
import { isFull, printTable, spread, cell, writeResult } from './bench-support.js';

const PASSPHRASE = 'bench passphrase';
const dir = mkdtempSync(join(tmpdir(), 'deployforge-bench-sign-'));
const result: Record<string, unknown> = {};

try {
  // ---- 1. one signature
  const keys = {
    'rsa-3072': await generateKey({ type: 'rsa', rsaBits: 3072, userIDs: [{ name: 'Bench' }], passphrase: PASSPHRASE, format: 'armored' }),
    ed25519: await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Bench' }], passphrase: PASSPHRASE, format: 'armored' }),
  };
  const sums = join(dir, 'SHA256SUMS');
  writeFileSync(sums, Array.from({ length: 20 }, (_, i) => `${randomBytes(32).toString('hex')}  app-1.0.0-target${i}.tar.gz\n`).join(''));
  const signRows: string[][] = [];
  for (const [name, key] of Object.entries(keys)) {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await signDetachedGpg({ file: sums, armoredKey: key.privateKey, passphrase: PASSPHRASE });
      times.push(performance.now() - t);
    }
    signRows.push([name, cell(spread(times), 1)]);
  }
  printTable('GPG detached signature of SHA256SUMS (10 runs, key decrypted every time)', ['key', 'ms median (min–max)'], signRows);
  result.gpgSignMs = signRows;

  // ---- 2. the sign job over K archives
  const size = (isFull() ? 512 : 64) * 1024 * 1024;
  // The archives of the default targets: the hub refuses artifacts no configured target accounts for.
  const archives = ['linux-x64.tar.gz', 'linux-arm64.tar.gz', 'macos-x64.tar.gz', 'macos-arm64.tar.gz', 'windows-x64.zip'];
  const k = archives.length;
  const project = join(dir, 'project');
  const artifacts = join(project, 'artifacts');
  mkdirSync(artifacts, { recursive: true });
  const configText = 'project: { name: app, repository: bench/app }\nrelease: { gpg-key: BENCH_GPG_KEY, gpg-passphrase: BENCH_GPG_PASSPHRASE }\n';
  writeFileSync(join(project, 'deployforge.yml'), configText);
  const chunk = randomBytes(1024 * 1024);
  for (let i = 0; i < k; i++) {
    const out = createWriteStream(join(artifacts, `app-1.0.0-${archives[i]}`));
    for (let written = 0; written < size; written += chunk.length) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
  }
  const loaded = parseConfig(configText, join(project, 'deployforge.yml'));
  const version = parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'bench' });
  const env = { BENCH_GPG_KEY: keys.ed25519.privateKey, BENCH_GPG_PASSPHRASE: PASSPHRASE, GITHUB_REPOSITORY: 'bench/app' };
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const t = performance.now();
  await prepareRelease({ loaded, version, artifacts, outDir: join(project, 'signed'), cwd: project, env, log: createMemoryLogger(), dryRun: false });
  const ms = performance.now() - t;
  const peak = process.resourceUsage().maxRSS * 1024;
  const totalMiB = (k * size) / 1024 / 1024;
  printTable('prepareRelease (the sign job)', ['archives', 'total MiB', 'seconds', 'MiB/s (each read once)', 'process peak RSS MiB before → after'], [
    [k, totalMiB, (ms / 1000).toFixed(2), (totalMiB / (ms / 1000)).toFixed(0), `${(peakBefore / 1024 / 1024).toFixed(0)} → ${(peak / 1024 / 1024).toFixed(0)}`],
  ]);
  result.prepare = { archives: k, totalMiB, ms, peakRssMiB: peak / 1024 / 1024 };

  // ---- 3. requests with a signer
  const TOKEN = 'ghs_bench_sign_release_0123456789';
  const fake = await startGitHubFake({ token: TOKEN, repos: ['bench/app'], printViolations: false });
  try {
    const client = createGitHubClient({ token: TOKEN, baseUrl: fake.url, log: createMemoryLogger(), writeIntervalMs: 0, retryBaseMs: 1 });
    const small = Array.from({ length: 5 }, (_, i) => {
      const file = join(dir, `app-1.0.0-small${i}.tar.gz`);
      writeFileSync(file, randomBytes(4096));
      return file;
    });
    const rows: Array<[string, number, number]> = [];
    const run = async (label: string) => {
      const before = fake.requests.length;
      const writes = fake.writeCount();
      const signer = releaseSigner({ config: loaded.config, env, log: createMemoryLogger() });
      await publishRelease({
        client, owner: 'bench', repo: 'app', tag: 'v1.0.0', version: { version: '1.0.0', prerelease: false }, files: small,
        checksums: true, draftUntilComplete: true, notes: { kind: 'none' }, force: false, dryRun: false, log: createMemoryLogger(), ...(signer ? { signer } : {}),
      });
      rows.push([label, fake.requests.length - before, fake.writeCount() - writes]);
    };
    await run('first run (K=5 + SHA256SUMS + .asc)');
    await run('re-run, release complete');
    fake.state.repo('bench/app')!.releases[0]!.draft = true;
    await run('re-run, interrupted before publish');
    printTable('publishRelease with a GPG signer, at the GitHub fake', ['run', 'requests', 'writes'], rows);
    result.requests = rows;
  } finally {
    await fake.close();
  }
  writeResult('sign-release', result);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
