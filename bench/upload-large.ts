// Upload benchmark: how long a large release asset takes and how much memory the uploader needs.
//
//   npx tsx bench/upload-large.ts [100M] [1G] [--real]
//
// For each size: uploadAssetStream (ours), undici fetch with a streaming body (what Octokit sits on),
// `curl -X POST -T` (the streaming reference) and `curl --data-binary @file` (reads the whole file
// first), each in a child process against the local GitHub fake. Peak RSS comes from the child
// itself (ours/fetch: process.resourceUsage) or from getrusage(RUSAGE_CHILDREN) around curl. Files
// are sparse (fast to create, no disk reads) unless --real. Prints a table; writes JSON to
// bench/results/. Numbers, never assertions: this is not a test.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { openSync, writeSync, closeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '../packages/diagnostics/src/index.js';
import { createGitHubClient } from '../packages/github/src/index.js';
import { startGitHubFake } from '../test/fakes/github/index.js';

const TOKEN = 'bench-token';
const args = process.argv.slice(2);
const real = args.includes('--real');
const sizes = args.filter((a) => !a.startsWith('--')).map(parseSize);
if (sizes.length === 0) sizes.push(parseSize('100M'), parseSize('1G'));

function parseSize(text: string): number {
  const m = /^(\d+)([KMG]?)i?B?$/i.exec(text);
  if (!m) throw new Error(`size like 100M or 1G, got ${text}`);
  return Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2] || ' ').toUpperCase());
}

function makeFile(path: string, size: number): void {
  const fd = openSync(path, 'w');
  if (real) {
    const chunk = randomBytes(1 << 20);
    for (let written = 0; written < size; written += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, size - written));
  } else ftruncateSync(fd, size);
  closeSync(fd);
}

interface Row {
  size: number;
  uploader: string;
  status: number;
  seconds: number;
  peakRssMiB: number;
  mibPerSecond: number;
  curlExit?: number;
}

const dir = mkdtempSync(join(tmpdir(), 'deployforge-bench-upload-'));
const fake = await startGitHubFake({ token: TOKEN, repos: ['bench/app'], dataDir: mkdtempSync(join(tmpdir(), 'deployforge-bench-fake-')), printViolations: false });
const client = createGitHubClient({ token: TOKEN, baseUrl: fake.url, log: createMemoryLogger(), writeIntervalMs: 0 });
const rows: Row[] = [];
const run = promisify(execFile);
let n = 0;

// Python's getrusage(RUSAGE_CHILDREN) gives curl's peak RSS without depending on GNU time.
const RUSAGE =
  'import resource,subprocess,sys,time\n' +
  't=time.time();p=subprocess.run(sys.argv[1:],capture_output=True,text=True);e=time.time()-t\n' +
  'print(p.stdout.strip().split()[-1] if p.stdout.strip() else "0", e, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)';

try {
  for (const size of sizes) {
    const file = join(dir, `asset-${size}.bin`);
    makeFile(file, size);
    const { data: release } = await client.octokit.rest.repos.createRelease({ owner: 'bench', repo: 'app', tag_name: `v0.0.${size}`, draft: true });
    const uploadBase = release.upload_url.replace(/\{[^}]*\}$/, '');

    for (const method of ['noop', 'stream', 'fetch']) {
      const name = `${method}-${++n}.bin`;
      // Asynchronous on purpose: the fake serves from this process's event loop.
      const child = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'upload-child.ts'), method, release.upload_url, TOKEN, name, file, String(size)]);
      const out = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { status: number; ms: number; maxRssKiB: number };
      rows.push(row(size, method === 'stream' ? 'uploadAssetStream' : method === 'fetch' ? 'undici fetch (stream body)' : 'node+tsx baseline', out.status, out.ms / 1000, out.maxRssKiB));
    }
    for (const [label, curlArgs] of [
      ['curl -X POST -T', ['-T', file]],
      ['curl --data-binary @', ['--data-binary', `@${file}`]],
    ] as const) {
      const name = `curl-${++n}.bin`;
      const out = (await run('python3', [
        '-c', RUSAGE, 'curl', '-sS', '-o', '/dev/null', '-w', '%{http_code}', '-X', 'POST',
        '-H', `Authorization: Bearer ${TOKEN}`, '-H', 'Content-Type: application/octet-stream', ...curlArgs,
        `${uploadBase}?name=${name}`,
      ])).stdout.trim().split(/\s+/);
      // status 0 = curl produced no HTTP answer; its exit code says why (e.g. 26/27: could not read/allocate).
      rows.push({ ...row(size, label, Number(out[0]), Number(out[1]), Number(out[2])), ...(out[3] !== '0' ? { curlExit: Number(out[3]) } : {}) });
    }
    rmSync(file, { force: true });
    // Free the fake's disk copy of every upload of this size.
    for (const asset of fake.state.repo('bench/app')!.releases.flatMap((r) => r.assets)) if (asset.filePath) rmSync(asset.filePath, { force: true });
  }
} finally {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}

function row(size: number, uploader: string, status: number, seconds: number, rssKiB: number): Row {
  return { size, uploader, status, seconds: round(seconds), peakRssMiB: round(rssKiB / 1024), mibPerSecond: uploader.includes('baseline') ? 0 : round(size / 1024 ** 2 / seconds) };
}
function round(x: number): number {
  return Math.round(x * 10) / 10;
}

console.log(`upload benchmark (${real ? 'random data' : 'sparse files'}, local GitHub fake over loopback, node ${process.version})`);
console.log(['size MiB', 'uploader', 'status', 'seconds', 'peak RSS MiB', 'MiB/s'].join('\t'));
for (const r of rows) {
  console.log([r.size / 1024 ** 2, r.uploader.padEnd(27), r.status, r.seconds, r.peakRssMiB, r.mibPerSecond, r.curlExit ? `curl exit ${r.curlExit}` : ''].join('\t'));
}
const resultsDir = join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
const out = join(resultsDir, `upload-large-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, `${JSON.stringify({ node: process.version, real, rows }, null, 2)}\n`);
console.log(`wrote ${out}`);
