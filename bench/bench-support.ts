// What every benchmark shares: the --full switch, medians with their spread, aligned tables, results
// written to bench/results/<name>.json, and child processes timed with their peak RSS. Numbers only:
// nothing here asserts, a benchmark is not a test.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const benchDir = import.meta.dirname;
export const repoRoot = join(benchDir, '..');
/**
 * The bundles measured: `npm run bench` builds the checkout into a folder of its own and names it
 * here (so another build of dist/ cannot race it); dist/ when a benchmark is run by hand.
 */
export const distDir = process.env.DEPLOYFORGE_BUILD_OUTDIR ?? join(repoRoot, 'dist');

/** The big sizes (1 GiB uploads, more rounds): `--full` on the command line or DEPLOYFORGE_BENCH_FULL=1. */
export function isFull(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--full') || process.env.DEPLOYFORGE_BENCH_FULL === '1';
}

/** `100M`, `1G`, `64K`, `512MiB` → bytes. */
export function parseSize(text: string): number {
  const m = /^(\d+)([KMG]?)i?B?$/i.exec(text);
  if (!m) throw new Error(`size like 100M or 1G, got ${text}`);
  return Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2] || ' ').toUpperCase());
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Median with min and max: one slow run (a neighbour's test, a GC) moves the median the least. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { median: NaN, min: NaN, max: NaN, runs: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: sorted.length };
}

/** `123 (118–140)`: a median and its range in one cell. */
export function cell(s: Spread, digits = 0): string {
  const f = (x: number) => x.toFixed(digits);
  return s.runs > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median);
}

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
export function printTable(title: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  const text = rows.map((r) => r.map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => text.length > 0 && text.every((r) => /^[\d.()–\s%×x-]*$/.test(r[i] ?? '')));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of text) console.log(line(r));
}

/** bench/results/<name>.json (gitignored), replaced on every run. */
export function writeResult(name: string, data: unknown): string {
  const dir = join(benchDir, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ name, at: new Date().toISOString(), node: process.version, full: isFull(), ...(data as object) }, null, 2)}\n`);
  console.log(`wrote ${file}`);
  return file;
}

export interface TimedRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time seen by the parent, from spawn to exit. */
  ms: number;
  /** Peak RSS of the command itself (GNU time's %M, from wait4's rusage), in KiB. */
  maxRssKiB: number;
  /** CPU time of the command, user + system (GNU time's %U + %S): less at the mercy of a busy machine than wall. */
  cpuSeconds: number;
}

/**
 * Runs a command under /usr/bin/time, which reports the peak RSS of exactly that process (not of
 * this one, nor of earlier children as getrusage(RUSAGE_CHILDREN) would). Asynchronous on purpose:
 * in-process fakes served by this event loop must keep answering while the child runs.
 */
export async function timeCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<TimedRun> {
  const dir = mkdtempSync(join(tmpdir(), 'deployforge-bench-time-'));
  const report = join(dir, 'time');
  try {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', report, command, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (options.input !== undefined) child.stdin!.end(options.input);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
    });
    const ms = performance.now() - started;
    // GNU time writes "Command exited with non-zero status N" before the numbers when N ≠ 0.
    const [user, system, rss] = (readFileSync(report, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number);
    return { code, stdout, stderr, ms, maxRssKiB: rss ?? NaN, cpuSeconds: (user ?? NaN) + (system ?? NaN) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fails loudly: a benchmark that silently measured a failing command would publish a wrong number. */
export function expectExit(run: TimedRun, expected: number, what: string): TimedRun {
  if (run.code !== expected) {
    throw new Error(`${what} exited ${run.code}, expected ${expected}\n${run.stderr.slice(-2000)}${run.stdout.slice(-2000)}`);
  }
  return run;
}

export const mib = (bytes: number): number => bytes / 1024 ** 2;
