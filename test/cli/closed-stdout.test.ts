import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/repo-root.js';

/**
 * `deployforge plan | head` or `deployforge --help | less` quit before the output ends: the CLI's
 * next write meets a closed pipe (EPIPE). That is no failure of the command, so it must end as it
 * would have, with its own exit code and no Node stack trace ("Unhandled 'error' event").
 */
function runWithClosedStdout(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/deployforge.js'), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The reader is gone before the CLI writes a byte: every write to stdout fails with EPIPE.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('a reader that closes stdout early', () => {
  const dir = mkdtempSync(join(tmpdir(), 'df-closed-stdout-'));
  writeFileSync(join(dir, 'deployforge.yml'), 'project: { name: hello, repository: acme/hello }\nversion: { from: input }\nbuild: { binary: hello, targets: [linux-x64] }\nplatforms: {}\n');

  test.each([
    [['--help'], 0],
    [['dashboard', '--help'], 0],
    [['plan', '--version', '1.2.3'], 0],
    [['validate', '--json'], 0],
    [['plan', '--version', 'v1..2'], 2],
  ])('deployforge %j: exit %i, no stack trace', async (args, code) => {
    const run = await runWithClosedStdout(args, dir);
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled 'error' event|^\s+at /m);
    expect(run.code, run.stderr).toBe(code);
  }, 30_000);
});
