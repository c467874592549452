// `npm run bench`: every benchmark, one after the other, each in a process of its own (so one's
// memory and loaded modules never weigh on the next), printing its table and writing
// bench/results/<name>.json. A failing benchmark is reported and the others still run.
//
//   npm run bench [-- --full] [-- NAME…]      (or DEPLOYFORGE_BENCH_FULL=1 npm run bench)
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { benchDir, isFull, printTable } from './bench-support.js';

/** Cheapest first, so a quick look at the first tables does not wait for the uploads. */
const BENCHMARKS = [
  { name: 'bundle-sizes', what: 'dist/ entries with their static chunks' },
  { name: 'package-size', what: 'the npm package: tarball, installed size, installed packages' },
  { name: 'release-requests', what: 'GitHub API requests per release, first run and re-run' },
  { name: 'cold-start', what: 'action and CLI cold start, node 20 and node 24' },
  { name: 'hash-throughput', what: 'sha256File 1 MiB vs 64 KiB chunks vs sha256sum' },
  { name: 'sign-release', what: 'GPG signing, the sign job over 320 MiB, requests with a signer' },
  { name: 'upload-large', what: 'asset upload: ours vs undici fetch vs curl' },
  { name: 'fanout-makespan', what: 'runSpokes makespan at concurrency 4 and 8' },
  { name: 'check-exists-latency', what: 'check-exists, all platforms vs one, 200 ms per request' },
] as const;

const args = process.argv.slice(2);
const wanted = args.filter((a) => !a.startsWith('--'));
const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = BENCHMARKS.filter((b) => wanted.length === 0 || wanted.includes(b.name));
const full = isFull(args);
console.log(`deployforge benchmarks (${full ? 'full sizes' : 'default sizes; --full for the big ones'}), node ${process.version}`);

const summary: Array<[string, string, string]> = [];
for (const bench of selected) {
  console.log(`\n=== ${bench.name}: ${bench.what}`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(benchDir, `${bench.name}.ts`), ...(full ? ['--full'] : [])], { stdio: 'inherit' });
  const code = await new Promise<number>((resolve) => child.once('close', (c, signal) => resolve(c ?? (signal ? 128 : 1))));
  summary.push([bench.name, code === 0 ? 'ok' : `FAILED (exit ${code})`, ((performance.now() - started) / 1000).toFixed(1)]);
}
printTable('benchmarks run', ['benchmark', 'result', 'seconds'], summary);
if (summary.some(([, result]) => result !== 'ok')) process.exitCode = 1;
