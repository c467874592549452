// Upload benchmark: how long a large release asset takes and how much memory the uploader needs.
//
//   npx tsx bench/upload-large.ts [--full] [--real] [--only=stream,action,…] [SIZE…]
//                                                               (100M by default; 100M and 1G with --full)
//
// For each size: the create-release action bundle as GitHub runs it (Node 24, the whole process:
// start-up, upload, SBOM, SHA256SUMS, verify, publish; the figure issue 20 sets its target for),
// uploadAssetStream (ours), undici fetch with a streaming body (what Octokit sits on),
// Octokit's uploadReleaseAsset with the file read whole (how the peer release actions upload),
// `curl -X POST -T` (the streaming reference) and `curl --data-binary @file` (reads the whole file
// first), each in a child process of its own against the local GitHub fake, which streams to disk.
// Peak RSS is the child's own (GNU time's %M); the node children also time the upload alone, without
// their start-up, and a `node+tsx baseline` row shows what such a child costs doing nothing. Files
// are sparse (no disk reads) unless --real. Median (min–max) of the rounds, methods interleaved.
import { closeSync, existsSync, ftruncateSync, linkSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '../packages/diagnostics/src/index.js';
import { createGitHubClient } from '../packages/github/src/index.js';
import { startGitHubFake } from '../test/fakes/github/index.js';
import { benchDir, cell, distDir, isFull, mib, parseSize, printTable, repoRoot, spread, timeCommand, writeResult, type Spread } from './bench-support.js';

const TOKEN = 'bench-token';
const args = process.argv.slice(2);
const real = args.includes('--real');
/** `--only=action,stream`: just those methods (their keys below), to iterate on one of them. */
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
/** `--base-dist=DIR`: also run the action bundle of another build (say, the previous commit's), interleaved. */
const baseDist = args.find((a) => a.startsWith('--base-dist='))?.slice('--base-dist='.length);
const sizes = args.filter((a) => !a.startsWith('--')).map(parseSize);
if (sizes.length === 0) sizes.push(...(isFull() ? ['100M', '1G'] : ['100M']).map(parseSize));
const rounds = 3;

function makeFile(path: string, size: number): void {
  const fd = openSync(path, 'w');
  if (real) {
    const chunk = randomBytes(1 << 20);
    for (let written = 0; written < size; written += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, size - written));
  } else ftruncateSync(fd, size);
  closeSync(fd);
}

interface Sample {
  status: number;
  seconds: number;
  rssMiB: number;
  /** User + system CPU seconds of the child. */
  cpuSeconds: number;
  /** Why there was no HTTP answer (curl's exit code and last words). */
  note?: string;
}
type Method = { key: string; label: string; run: (file: string, size: number, uploadUrl: string, name: string) => Promise<Sample> };

/** A node child running upload-child.ts: its own clock around the upload, GNU time's peak RSS. */
function nodeChild(label: string, method: string): Method {
  return {
    key: method,
    label,
    async run(file, size, uploadUrl, name) {
      const run = await timeCommand(process.execPath, ['--import', 'tsx', join(benchDir, 'upload-child.ts'), method, uploadUrl, TOKEN, name, file, String(size)]);
      if (run.code !== 0) throw new Error(`upload-child ${method} exited ${run.code}: ${run.stderr.slice(-1500)}`);
      const out = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { status: number; ms: number };
      return { status: out.status, seconds: out.ms / 1000, rssMiB: run.maxRssKiB / 1024, cpuSeconds: run.cpuSeconds };
    },
  };
}

function curl(key: string, label: string, bodyArgs: (file: string) => string[]): Method {
  return {
    key,
    label,
    async run(file, _size, uploadUrl, name) {
      const run = await timeCommand('curl', [
        '-sS', '-o', '/dev/null', '-w', '%{http_code}', '-X', 'POST',
        '-H', `Authorization: Bearer ${TOKEN}`, '-H', 'Content-Type: application/octet-stream',
        ...bodyArgs(file), `${uploadUrl.replace(/\{[^}]*\}$/, '')}?name=${name}`,
      ]);
      // status 0: curl got no HTTP answer (its exit code says why, e.g. 26/27: could not read/allocate).
      const status = Number(run.stdout.trim()) || 0;
      const note = run.code !== 0 ? `curl exit ${run.code}: ${run.stderr.trim().split('\n')[0] ?? ''}` : undefined;
      return { status, seconds: run.ms / 1000, rssMiB: run.maxRssKiB / 1024, cpuSeconds: run.cpuSeconds, ...(note ? { note } : {}) };
    },
  };
}

/** Node 24, as GitHub runs the actions (scripts/test-services installs it); else this Node. */
function node24(): string {
  const env = join(repoRoot, '.services', 'env.json');
  const fromEnv = process.env.DEPLOYFORGE_NODE24 ?? (existsSync(env) ? (JSON.parse(readFileSync(env, 'utf8')) as Record<string, string>).DEPLOYFORGE_NODE24 : undefined);
  return fromEnv && existsSync(fromEnv) ? fromEnv : process.execPath;
}

/**
 * The create-release action bundle, the whole process as the runner starts it: a workspace with a
 * one-target deployforge.yml and the asset as that target's archive (a hard link, no copy), a new
 * tag each run. Wall is spawn to exit, start-up included; peak RSS is the action process's.
 */
function createReleaseAction(label: string, dist = distDir, key = 'action'): Method {
  let runs = 0;
  return {
    key,
    label,
    async run(file) {
      const work = mkdtempSync(join(tmpdir(), 'deployforge-bench-action-'));
      try {
        const version = `${key.length}.${++runs}.${Date.now() % 1_000_000}`;
        writeFileSync(join(work, 'deployforge.yml'), 'project: { name: bench, repository: bench/app }\nbuild: { targets: [linux-x64] }\nrelease: { notes: none }\nplatforms: { npm: {} }\n');
        mkdirSync(join(work, 'artifacts'));
        linkSync(file, join(work, 'artifacts', `bench-${version}-linux-x64.tar.gz`));
        for (const f of ['output', 'summary']) writeFileSync(join(work, f), '');
        const run = await timeCommand(node24(), [join(dist, 'actions', 'create-release.js')], {
          cwd: work,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: work,
            RUNNER_TEMP: work,
            GITHUB_ACTIONS: 'true',
            GITHUB_WORKSPACE: work,
            GITHUB_OUTPUT: join(work, 'output'),
            GITHUB_STEP_SUMMARY: join(work, 'summary'),
            GITHUB_API_URL: fake.url,
            GITHUB_REPOSITORY: 'bench/app',
            GITHUB_EVENT_NAME: 'push',
            GITHUB_REF: `refs/tags/v${version}`,
            INPUT_TOKEN: TOKEN,
            INPUT_ARTIFACTS: 'artifacts',
          },
        });
        const note = run.code !== 0 ? `exit ${run.code}: ${(run.stdout + run.stderr).split('\n').filter((l) => l.includes('::error')).join(' ').slice(0, 300)}` : undefined;
        return { status: run.code === 0 ? 201 : 0, seconds: run.ms / 1000, rssMiB: run.maxRssKiB / 1024, cpuSeconds: run.cpuSeconds, ...(note ? { note } : {}) };
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  };
}

const methods: Method[] = [
  createReleaseAction('create-release action, whole process (node 24)'),
  ...(baseDist ? [createReleaseAction(`create-release action of ${baseDist}`, baseDist, 'base')] : []),
  nodeChild('node+tsx baseline (no upload)', 'noop'),
  nodeChild('uploadAssetStream', 'stream'),
  nodeChild('undici fetch (stream body)', 'fetch'),
  nodeChild('Octokit uploadReleaseAsset (whole file)', 'octokit'),
  curl('curl', 'curl -X POST -T file', (f) => ['-T', f]),
  curl('curl-data', 'curl --data-binary @file', (f) => ['--data-binary', `@${f}`]),
].filter((m) => !only || only.includes(m.key) || m.key === 'base');

const dir = mkdtempSync(join(tmpdir(), 'deployforge-bench-upload-'));
const fakeData = mkdtempSync(join(tmpdir(), 'deployforge-bench-fake-'));
const fake = await startGitHubFake({ token: TOKEN, repos: ['bench/app'], dataDir: fakeData, printViolations: false });
const client = createGitHubClient({ token: TOKEN, baseUrl: fake.url, log: createMemoryLogger(), writeIntervalMs: 0 });
const rows: Array<{ sizeMiB: number; uploader: string; statuses: number[]; seconds: Spread; cpuSeconds: Spread; peakRssMiB: Spread; mibPerSecond: Spread; notes: string[] }> = [];
let n = 0;

try {
  for (const size of sizes) {
    const file = join(dir, `asset-${size}.bin`);
    makeFile(file, size);
    const { data: release } = await client.octokit.rest.repos.createRelease({ owner: 'bench', repo: 'app', tag_name: `v0.0.${size}`, draft: true });
    const samples = methods.map(() => [] as Sample[]);
    for (let round = 0; round < rounds; round++) {
      for (const [i, m] of methods.entries()) {
        samples[i]!.push(await m.run(file, size, release.upload_url, `asset-${++n}.bin`));
        // Free the fake's disk copy at once: 1 GiB × methods × rounds would fill /tmp.
        for (const asset of fake.state.repo('bench/app')!.releases.flatMap((r) => r.assets)) if (asset.filePath) rmSync(asset.filePath, { force: true });
      }
    }
    for (const [i, m] of methods.entries()) {
      const s = samples[i]!;
      const baseline = m.label.startsWith('node+tsx baseline');
      rows.push({
        sizeMiB: mib(size),
        uploader: m.label,
        statuses: [...new Set(s.map((x) => x.status))],
        seconds: spread(s.map((x) => x.seconds)),
        cpuSeconds: spread(s.map((x) => x.cpuSeconds)),
        peakRssMiB: spread(s.map((x) => x.rssMiB)),
        // Only completed uploads have a throughput: a failure's speed is how fast it gave up.
        mibPerSecond: baseline ? spread([]) : spread(s.filter((x) => x.status >= 200 && x.status < 300).map((x) => mib(size) / x.seconds)),
        notes: [...new Set(s.flatMap((x) => (x.note ? [x.note] : [])))],
      });
    }
    rmSync(file, { force: true });
  }
} finally {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(fakeData, { recursive: true, force: true });
}

printTable(
  `asset upload to the GitHub fake over loopback (${real ? 'random data' : 'sparse files'}), median (min–max) of ${rounds} rounds, node ${process.version}`,
  ['MiB', 'uploader', 'HTTP', 'seconds', 'CPU s', 'peak RSS MiB', 'MiB/s', 'note'],
  rows.map((r) => [r.sizeMiB, r.uploader, r.statuses.join('/'), cell(r.seconds, 2), cell(r.cpuSeconds, 2), cell(r.peakRssMiB), r.mibPerSecond.runs ? cell(r.mibPerSecond) : '', r.notes.join('; ')]),
);
writeResult('upload-large', { real, rounds, rows });
