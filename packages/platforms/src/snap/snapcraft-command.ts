import { spawn } from 'node:child_process';
import { createRedactor } from '@deployforge/diagnostics';
import type { PlatformContext } from '../platform.js';

export const STORE_CREDENTIALS = 'SNAPCRAFT_STORE_CREDENTIALS';

export interface SnapcraftResult {
  code: number;
  /** stdout and stderr together, redacted: snapcraft prints its answers on either. */
  output: string;
}

/**
 * The one seam to the Snap Store: the `snapcraft` found on PATH (the workflow installs it; tests
 * put a recording stand-in there). The credential goes in through the environment snapcraft
 * reads it from, never argv, and nothing else from the runner's environment comes along.
 */
export function runSnapcraft(ctx: PlatformContext, args: readonly string[]): Promise<SnapcraftResult> {
  const credentials = ctx.env[STORE_CREDENTIALS];
  const env: Record<string, string> = {};
  const path = ctx.env.PATH ?? process.env.PATH;
  const home = ctx.env.HOME ?? process.env.HOME;
  if (path) env.PATH = path;
  if (home) env.HOME = home;
  if (credentials) env[STORE_CREDENTIALS] = credentials;
  const redact = createRedactor([credentials]);
  return new Promise((resolve, reject) => {
    const child = spawn('snapcraft', args, {
      env,
      cwd: ctx.workDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error('snapcraft is not on PATH: install it in the publish job (`sudo snap install snapcraft --classic`)') : error),
    );
    child.once('close', (code) => {
      const clean = redact(output);
      for (const line of clean.split('\n')) if (line.trim()) ctx.log.debug(`[snapcraft ${args[0]}] ${line}`);
      resolve({ code: code ?? 1, output: clean });
    });
  });
}
