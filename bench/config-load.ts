// Loading a deployforge.yml that is huge but under the 1 MiB bound (issue 20.4): `deployforge
// validate` on one mapping of 25k to 200k keys, a fresh CLI process each, beside `node -e 0` and a
// real config (the Rust example). The big files fail validation on their one unknown key, as an
// attacker's or a generated file would; the figure is how long that takes, and whether it grows
// linearly with the keys (each key costing the same, not each key costing the number before it).
//
//   npx tsx bench/config-load.ts [--full]
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cell, distDir, expectExit, isFull, printTable, repoRoot, spread, timeCommand, writeResult, type Spread } from './bench-support.js';

const rounds = isFull() ? 7 : 3;
const dir = mkdtempSync(join(tmpdir(), 'deployforge-bench-config-'));

/** The file: `project: {name: x, huge: {k0: 1, …}}`, one line, the unknown key holding them all. */
function keyValueFlow(keys: number): string {
  const file = join(dir, `flow-${keys}.yml`);
  writeFileSync(file, `project: {name: x, huge: {${Array.from({ length: keys }, (_, i) => `k${i}: 1`).join(',')}}}\n`);
  return file;
}

/** Short distinct key names of letters only (a number like `1e3` would read as 1000, another key's twin). */
function letters(n: number): string {
  let name = '';
  do {
    name = String.fromCharCode(97 + (n % 26)) + name;
    n = Math.floor(n / 26);
  } while (n > 0);
  return name;
}

/**
 * 200k `kN: 1` pairs do not fit in 1 MiB; keys without values (`{a, b, …}`, short names) do,
 * so the linearity check doubles the keys in this form.
 */
function bareKeysFlow(keys: number): string {
  const file = join(dir, `bare-${keys}.yml`);
  writeFileSync(file, `project: {name: x}\nx-huge: {${Array.from({ length: keys }, (_, i) => letters(i)).join(',')}}\n`);
  return file;
}

/** The same in block style, one key per line (short names, to stay under 1 MiB). */
function blockMapping(keys: number): string {
  const file = join(dir, `block-${keys}.yml`);
  writeFileSync(file, `project: {name: x}\nx-huge:\n${Array.from({ length: keys }, (_, i) => `  ${letters(i)}: 1\n`).join('')}`);
  return file;
}

interface Case {
  name: string;
  keys: number;
  args: string[];
  bytes: number;
  exit: number;
}

const cli = join(distDir, 'cli.js');
const validate = (name: string, keys: number, file: string, exit = 2): Case => ({ name, keys, args: [cli, 'validate', '--config', file], bytes: statSync(file).size, exit });
const example = join(repoRoot, 'examples/rust-cli/deployforge.yml');
const cases: Case[] = [
  { name: 'node -e 0', keys: 0, args: ['-e', '0'], bytes: 0, exit: 0 },
  validate('examples/rust-cli (valid)', 0, example, 0),
  validate('flow {kN: 1}', 25_000, keyValueFlow(25_000)),
  validate('flow {kN: 1}', 50_000, keyValueFlow(50_000)),
  validate('flow {kN: 1}', 100_000, keyValueFlow(100_000)),
  validate('block key: 1', 100_000, blockMapping(100_000)),
  validate('flow {bare keys}', 100_000, bareKeysFlow(100_000)),
  validate('flow {bare keys}', 200_000, bareKeysFlow(200_000)),
];

const samples = new Map<Case, { ms: number[]; cpu: number[]; rss: number[] }>();
try {
  // Rounds interleave the cases, so drift on the machine hits all alike.
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      const run = expectExit(await timeCommand(process.execPath, c.args, { cwd: repoRoot }), c.exit, c.name);
      if (c.keys > 0 && !/unknown key/.test(run.stderr)) throw new Error(`${c.name} ${c.keys}: expected the unknown-key error, got\n${run.stderr.slice(0, 2000)}`);
      const s = samples.get(c) ?? { ms: [], cpu: [], rss: [] };
      s.ms.push(run.ms);
      s.cpu.push(run.cpuSeconds * 1000);
      s.rss.push(run.maxRssKiB / 1024);
      samples.set(c, s);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const rows: Array<{ case: string; keys: number; bytes: number; ms: Spread; cpuMs: Spread; rssMiB: Spread }> = cases.map((c) => {
  const s = samples.get(c)!;
  return { case: c.name, keys: c.keys, bytes: c.bytes, ms: spread(s.ms), cpuMs: spread(s.cpu), rssMiB: spread(s.rss) };
});
const floor = rows[0]!.ms.median;
printTable(
  `config load: deployforge validate, wall ms, CPU ms and peak RSS MiB, median (min–max) of ${rounds} runs, fresh process each`,
  ['case', 'keys', 'KiB', 'wall ms', 'CPU ms', 'µs per key over node -e 0', 'peak RSS MiB'],
  rows.map((r) => [
    r.case, r.keys || '', r.bytes ? (r.bytes / 1024).toFixed(0) : '', cell(r.ms), cell(r.cpuMs),
    r.keys ? (((r.ms.median - floor) * 1000) / r.keys).toFixed(1) : '', cell(r.rssMiB),
  ]),
);
const at = (name: string, keys: number) => rows.find((r) => r.case === name && r.keys === keys)!;
const [small, large] = [at('flow {bare keys}', 100_000), at('flow {bare keys}', 200_000)];
console.log(`\n200k ÷ 100k bare keys: ${(large.cpuMs.median / small.cpuMs.median).toFixed(2)}x CPU, ${(large.ms.median / small.ms.median).toFixed(2)}x wall (linear: ≤ 2x)`);
writeResult('config-load', { rounds, rows });
