// Local release fan-out: runSpokes (the `deployforge release` spoke phase) over N stand-in spokes of
// known durations, `custom` entries whose `run` is `sleep <d>`, at concurrency 4 and 8. The makespan
// is compared with the slowest spoke, the sum, and the best any schedule could do, max(slowest,
// sum / concurrency). runSpokes starts the longest first by each spoke's duration in the last
// status.json (all stand-ins are `custom`, so without one they tie and start in config order): the
// config is written longest first and longest last, each without and with last run's durations.
// Each spoke still goes through the real path (plan,
// platform load, check, publish, a shell), so makespan minus the in-order schedule is the runner's own overhead.
//
//   npx tsx bench/fanout-makespan.ts [--full]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createMemoryLogger } from '../packages/diagnostics/src/index.js';
import { loadPlanInputs } from '../packages/inputs/src/index.js';
import { createPlan, credentialFactsFromEnv } from '../packages/plan/src/index.js';
import { runSpokes } from '../packages/publish/src/index.js';
import { cell, isFull, printTable, spread, writeResult, type Spread } from './bench-support.js';

const rounds = isFull() ? 5 : 3;
/** Seconds: a few long spokes (an image push, a cargo publish) among many quick ones (a git push). */
const MIX = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1, 1.5, 1.5, 2, 3];
const mixes = [
  { name: `${MIX.length} spokes, config longest first`, durations: [...MIX].sort((a, b) => b - a), history: false },
  { name: `${MIX.length} spokes, config longest last`, durations: [...MIX].sort((a, b) => a - b), history: false },
  { name: `${MIX.length} spokes, config longest last, last status.json`, durations: [...MIX].sort((a, b) => a - b), history: true },
  ...(isFull() ? [{ name: '32 spokes of 0 s (overhead only)', durations: Array.from({ length: 32 }, () => 0), history: false }] : []),
];
const concurrencies = [4, 8];

async function makespan(durations: number[], concurrency: number, history = false): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'deployforge-bench-fanout-'));
  const name = (i: number): string => `s${String(i).padStart(2, '0')}`;
  const custom = Object.fromEntries(durations.map((d, i) => [name(i), { run: `sleep ${d}` }]));
  // What `deployforge release` reads from the previous status.json: each spoke's duration-ms.
  const lastDurations = history ? Object.fromEntries(durations.map((d, i) => [`custom:${name(i)}`, d * 1000])) : undefined;
  writeFileSync(join(dir, 'deployforge.yml'), stringify({ project: { name: 'fanout', repository: 'bench/fanout' }, build: { targets: ['linux-x64'] }, platforms: { custom } }));
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir };
  const io = { cwd: dir, env };
  const log = createMemoryLogger();
  const inputs = await loadPlanInputs(join(dir, 'deployforge.yml'), { version: '1.0.0' }, io);
  const plan = createPlan({ ...inputs, credentials: credentialFactsFromEnv(env) });
  if (plan.spokes.length !== durations.length || plan.spokes.some((s) => !s.run)) throw new Error('the plan does not run every stand-in spoke');
  const started = performance.now();
  const outcomes = await runSpokes({
    loaded: inputs.loaded, version: inputs.version, spokes: plan.spokes, assets: [],
    fetchAsset: () => Promise.reject(new Error('a stand-in spoke has no assets')),
    env, workRoot: dir, dryRun: false, force: false, log, redact: (t) => t, concurrency,
    ...(lastDurations ? { lastDurations } : {}),
  });
  const ms = performance.now() - started;
  const bad = outcomes.filter((o) => o.status !== 'published');
  if (bad.length > 0) throw new Error(`stand-in spokes failed: ${bad.map((o) => `${o.key}: ${o.detail}`).join('; ')}`);
  return ms / 1000;
}

/** What starting spokes in order on the first free slot gives with zero overhead (list scheduling). */
function inOrderSchedule(durations: number[], concurrency: number): number {
  const slots = Array.from({ length: concurrency }, () => 0);
  for (const d of durations) {
    const i = slots.indexOf(Math.min(...slots));
    slots[i]! += d;
  }
  return Math.max(...slots);
}

const rows: Array<{ mix: string; concurrency: number; makespan: Spread; slowest: number; sum: number; bound: number; inOrder: number }> = [];
await makespan([0], 1); // warm-up: loads the custom platform's code once, as a real run would have
for (const mix of mixes) {
  for (const concurrency of concurrencies) {
    const seconds: number[] = [];
    for (let round = 0; round < rounds; round++) seconds.push(await makespan(mix.durations, concurrency, mix.history));
    const slowest = Math.max(...mix.durations);
    const sum = mix.durations.reduce((a, b) => a + b, 0);
    rows.push({ mix: mix.name, concurrency, makespan: spread(seconds), slowest, sum, bound: Math.max(slowest, sum / concurrency), inOrder: inOrderSchedule(mix.durations, concurrency) });
  }
}

printTable(
  `fan-out makespan of runSpokes, seconds, median (min–max) of ${rounds} runs; spokes: ${MIX.join(', ')} s (custom: sleep)`,
  ['spokes', 'concurrency', 'makespan s', 'slowest s', 'sum s', 'best possible s', 'config order, 0 overhead s', 'makespan / best'],
  rows.map((r) => [r.mix, r.concurrency, cell(r.makespan, 2), r.slowest.toFixed(2), r.sum.toFixed(2), r.bound.toFixed(2), r.inOrder.toFixed(2), r.bound > 0 ? (r.makespan.median / r.bound).toFixed(2) : '']),
);
writeResult('fanout-makespan', { rounds, mix: MIX, rows });
