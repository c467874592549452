// Hashing benchmark: sha256File with 1 MiB reads (what we ship) vs 64 KiB reads (Node's default) vs
// coreutils `sha256sum`, on one file already in the page cache, best of five interleaved rounds.
//
//   npx tsx bench/hash-throughput.ts [512M]
//
// Prints a table; writes JSON to bench/results/. Not a test: nothing is asserted.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256File } from '../packages/github/src/index.js';

const sizeArg = process.argv[2] ?? '512M';
const m = /^(\d+)([KMG]?)$/i.exec(sizeArg);
if (!m) throw new Error(`size like 512M or 1G, got ${sizeArg}`);
const size = Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2] || ' ').toUpperCase());

const dir = mkdtempSync(join(tmpdir(), 'deployforge-bench-hash-'));
const file = join(dir, 'data.bin');
// Real bytes (not a sparse file) so the reads are real copies out of the page cache.
const fd = openSync(file, 'w');
const chunk = randomBytes(1 << 20);
for (let written = 0; written < size; written += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, size - written));
closeSync(fd);

type Method = { method: string; run: () => Promise<string> | string };

/** Best of `rounds`, methods interleaved per round so a noisy neighbour hurts them all alike. */
async function bestInterleaved(methods: Method[], rounds: number): Promise<Array<{ method: string; seconds: number; digest: string }>> {
  const results = methods.map((m) => ({ method: m.method, seconds: Infinity, digest: '' }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, m] of methods.entries()) {
      const t = performance.now();
      results[i]!.digest = await m.run();
      results[i]!.seconds = Math.min(results[i]!.seconds, (performance.now() - t) / 1000);
    }
  }
  return results;
}

try {
  await sha256File(file); // warm the page cache
  const rows = (
    await bestInterleaved(
      [
        { method: 'sha256File, 1 MiB chunks', run: () => sha256File(file) },
        { method: 'sha256File, 64 KiB chunks', run: () => sha256File(file, { chunkBytes: 64 * 1024 }) },
        { method: 'sha256sum (coreutils)', run: () => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]! },
      ],
      5,
    )
  ).map((r) => ({ ...r, mbPerSecond: Math.round(size / 1e6 / r.seconds) }));
  if (new Set(rows.map((r) => r.digest)).size !== 1) throw new Error('the methods disagree on the digest');

  console.log(`sha256 of ${size / 1024 ** 2} MiB (page cache, best of 5, interleaved, node ${process.version})`);
  for (const r of rows) console.log(`${r.method.padEnd(28)} ${r.seconds.toFixed(2)} s  ${r.mbPerSecond} MB/s`);
  const resultsDir = join(import.meta.dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const out = join(resultsDir, `hash-throughput-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, `${JSON.stringify({ node: process.version, size, rows }, null, 2)}\n`);
  console.log(`wrote ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
