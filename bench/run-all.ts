// `npm run bench`: every benchmark, one after the other, each in a process of its own (so one's
// memory and loaded modules never weigh on the next), printing its table and writing
// bench/results/<name>.json. A failing benchmark is reported and the others still run.
//
// It stands alone from a fresh clone (issue 20): it starts the local test services when they are not
// running (and stops them again at the end, only then), builds this checkout into a folder of its
// own (another build of dist/ cannot race the measurements), runs every benchmark under Node 24 as
// the actions run, and ends with one table: our figures beside the references and the targets.
//
//   npm run bench [-- --full] [-- NAME…]      (or DEPLOYFORGE_BENCH_FULL=1 npm run bench)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDir, isFull, printTable, repoRoot } from './bench-support.js';
import { issueFigures } from './issue-figures.js';

/** Cheapest first, so a quick look at the first tables does not wait for the uploads. */
const BENCHMARKS = [
  { name: 'bundle-sizes', what: 'dist/ entries with their static chunks' },
  { name: 'package-size', what: 'the npm package: tarball, installed size, installed packages' },
  { name: 'release-requests', what: 'GitHub API requests per release, first run and re-run' },
  { name: 'cold-start', what: 'action and CLI cold start beside node -e 0 and a minimal @actions/core action' },
  { name: 'config-load', what: 'deployforge validate on one mapping of 25k to 200k keys (under the 1 MiB bound)' },
  { name: 'hash-throughput', what: 'sha256File 1 MiB vs 64 KiB chunks vs sha256sum' },
  { name: 'sign-release', what: 'GPG signing, the sign job over 320 MiB, requests with a signer' },
  { name: 'upload-large', what: 'asset upload: ours vs undici fetch vs Octokit vs curl' },
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

/** `bash scripts/test-services <cmd>`, its output passed through. */
function services(cmd: 'status' | 'up' | 'down'): number {
  const run = spawnSync('bash', [join(repoRoot, 'scripts/test-services'), cmd], { stdio: cmd === 'status' ? 'pipe' : 'inherit' });
  return run.status ?? 1;
}

// The services some benchmarks talk to (verdaccio, the Node 24 binary): started only when down, and
// then stopped at the end, so a machine where they already run (tests, a developer) keeps them.
const startedServices = services('status') !== 0;
if (startedServices) {
  console.log('test services are not running: starting them (bash scripts/test-services up); they are stopped at the end');
  if (services('up') !== 0) {
    console.error('could not start the test services (bash scripts/test-services up); see its output above');
    process.exit(1);
  }
}

const servicesEnv = JSON.parse(readFileSync(join(repoRoot, '.services/env.json'), 'utf8')) as Record<string, string>;
const node24 = servicesEnv.DEPLOYFORGE_NODE24 && existsSync(servicesEnv.DEPLOYFORGE_NODE24) ? servicesEnv.DEPLOYFORGE_NODE24 : undefined;
const node = node24 ?? process.execPath;
const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();

// The bundles of this checkout, built where nothing else writes.
const buildRoot = mkdtempSync(join(tmpdir(), 'deployforge-bench-build-'));
const outdir = join(buildRoot, 'dist');
// As the repository's package.json does for dist/: without it Node sniffs every .js file for ESM
// syntax before loading it, which the actions never pay (a few ms of each cold start).
writeFileSync(join(buildRoot, 'package.json'), '{ "type": "module" }\n');
const childEnv = { ...process.env, DEPLOYFORGE_BUILD_OUTDIR: outdir };

const summary: Array<[string, string, string]> = [];
try {
  const built = spawnSync(node, [join(repoRoot, 'scripts/build.mjs')], { stdio: 'inherit', env: childEnv });
  if (built.status !== 0) throw new Error('npm run build failed: nothing to measure');
  console.log(`deployforge benchmarks (${full ? 'full sizes' : 'default sizes; --full for the big ones'}), node ${nodeVersion}${node24 ? '' : ' (no Node 24 found: the machine\'s Node)'}`);

  for (const bench of selected) {
    console.log(`\n=== ${bench.name}: ${bench.what}`);
    const started = performance.now();
    const child = spawn(node, ['--import', 'tsx', join(benchDir, `${bench.name}.ts`), ...(full ? ['--full'] : [])], { stdio: 'inherit', env: childEnv });
    const code = await new Promise<number>((resolve) => child.once('close', (c, signal) => resolve(c ?? (signal ? 128 : 1))));
    summary.push([bench.name, code === 0 ? 'ok' : `FAILED (exit ${code})`, ((performance.now() - started) / 1000).toFixed(1)]);
  }
} finally {
  rmSync(buildRoot, { recursive: true, force: true });
  if (startedServices) services('down');
}

printTable('benchmarks run', ['benchmark', 'result', 'seconds'], summary);
const figures = issueFigures();
printTable(
  `issue 20 figures, node ${nodeVersion}: ours beside the references (from bench/results/*.json of this run; ratios within one run)`,
  ['figure', 'ours', 'reference', 'target', 'met'],
  figures.map((f) => [f.figure, f.ours, f.reference, f.target, f.met === undefined ? '' : f.met ? 'yes' : 'NO']),
);
if (summary.some(([, result]) => result !== 'ok')) process.exitCode = 1;
