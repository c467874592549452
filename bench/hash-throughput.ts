// Hashing benchmark: sha256File with 1 MiB reads (what we ship) vs 64 KiB reads (Node's default) vs
// coreutils `sha256sum`, on one file already in the page cache; methods interleaved per round so a
// noisy neighbour hurts them all alike. Median (min–max) of the rounds.
//
//   npx tsx bench/hash-throughput.ts [--full] [SIZE]     (256M by default, 1G with --full)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256File } from '../packages/github/src/index.js';
import { cell, isFull, mib, parseSize, printTable, spread, writeResult } from './bench-support.js';

const sizeArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const size = parseSize(sizeArg ?? (isFull() ? '1G' : '256M'));
const rounds = isFull() ? 9 : 5;

const dir = mkdtempSync(join(tmpdir(), 'deployforge-bench-hash-'));
const file = join(dir, 'data.bin');
// Real bytes (not a sparse file) so the reads are real copies out of the page cache.
const fd = openSync(file, 'w');
const chunk = randomBytes(1 << 20);
for (let written = 0; written < size; written += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, size - written));
closeSync(fd);

const methods: Array<{ method: string; run: () => Promise<string> | string }> = [
  { method: 'sha256File, 1 MiB chunks', run: () => sha256File(file) },
  { method: 'sha256File, 64 KiB chunks', run: () => sha256File(file, { chunkBytes: 64 * 1024 }) },
  { method: 'sha256sum (coreutils)', run: () => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]! },
];

try {
  await sha256File(file); // warm the page cache
  const seconds = methods.map(() => [] as number[]);
  const digests = new Set<string>();
  for (let round = 0; round < rounds; round++) {
    for (const [i, m] of methods.entries()) {
      const t = performance.now();
      digests.add(await m.run());
      seconds[i]!.push((performance.now() - t) / 1000);
    }
  }
  if (digests.size !== 1) throw new Error(`the methods disagree on the digest: ${[...digests].join(', ')}`);

  const rows = methods.map((m, i) => ({
    method: m.method,
    seconds: spread(seconds[i]!),
    mbPerSecond: spread(seconds[i]!.map((s) => size / 1e6 / s)),
  }));
  printTable(
    `sha256 of ${mib(size)} MiB in the page cache, median (min–max) of ${rounds} interleaved rounds, node ${process.version}`,
    ['method', 'seconds', 'MB/s'],
    rows.map((r) => [r.method, cell(r.seconds, 3), cell(r.mbPerSecond)]),
  );
  writeResult('hash-throughput', { size, rounds, rows });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
