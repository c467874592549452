import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers/repo-root.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the committed CLI bundle exactly as `npx deployforge` would, as a child process. */
export function runBuiltCli(args: string[], options: { cwd: string; env?: Record<string, string>; stdin?: string }): Promise<CliRun> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/deployforge.js'), ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? options.cwd, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}
