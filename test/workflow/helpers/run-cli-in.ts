import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../packages/cli/src/cli-io.js';
import { runCli } from '../../../packages/cli/src/run-cli.js';
import { sharedActionsRemote } from '../../helpers/actions-remote.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the CLI in-process in `cwd`, output captured: the same entry point as bin/deployforge.js.
 * `generate` resolves DeployForge's actions in a local stand-in repository unless `env` says otherwise.
 */
export async function runCliIn(cwd: string, argv: string[], env: Record<string, string> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    cwd,
    env: { DEPLOYFORGE_ACTIONS_GIT_URL: sharedActionsRemote().url, ...env },
    isTTY: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const FIXTURES = new URL('../../fixtures/doctor-repos/', import.meta.url).pathname;

/** A throwaway copy of a fixture repository (or an empty folder), removed by the returned cleanup. */
export async function tempRepo(fixture?: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'deployforge-workflow-'));
  if (fixture) await cp(join(FIXTURES, fixture), dir, { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
