import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../../helpers/repo-root.js';

export interface BuiltCliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Whether the run had to be killed because it outlived `deadlineMs` (a hang, not a slow run). */
  killed: boolean;
  /** What `interruptWhen` saw when it sent SIGINT; undefined when it never fired. */
  interruptedAt?: string;
}

/**
 * A copy of the committed bundle (bin/, dist/, package.json) in `dir`, taken once, with node_modules
 * linked for the few externals: `npm run build` replaces dist/ wholesale, and a build by someone else
 * mid-run would pull chunks from under a running CLI. Returns the path to run.
 */
export function snapshotBuiltCli(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const entry of ['bin', 'dist', 'package.json']) cpSync(join(repoRoot, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return join(dir, 'bin/deployforge.js');
}

export interface BuiltCliOptions {
  /** bin/deployforge.js of a {@link snapshotBuiltCli} copy. */
  cli: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * Polled while the CLI runs; the first non-undefined answer sends one SIGINT, as a single Ctrl-C
   * in a terminal would.
   */
  interruptWhen?: () => string | undefined;
  /** SIGKILL after this long: only a hang reaches it, so it is generous. */
  deadlineMs: number;
}

/**
 * The bundle run the way a user runs it (`node bin/deployforge.js …`), as a child process, so
 * signals, exit codes and process exit behave for real.
 */
export function runBuiltCli(args: readonly string[], options: BuiltCliOptions): Promise<BuiltCliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.cli, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    let interruptedAt: string | undefined;
    let exited = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const deadline = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, options.deadlineMs);
    if (options.interruptWhen) {
      const watch = options.interruptWhen;
      void (async () => {
        while (!exited && interruptedAt === undefined) {
          const seen = watch();
          if (seen !== undefined) {
            interruptedAt = seen;
            child.kill('SIGINT');
            return;
          }
          await sleep(20);
        }
      })();
    }
    child.once('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    child.once('close', (code, signal) => {
      exited = true;
      clearTimeout(deadline);
      resolve({ code, signal, stdout, stderr, killed, ...(interruptedAt !== undefined ? { interruptedAt } : {}) });
    });
  });
}
