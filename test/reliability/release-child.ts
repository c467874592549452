import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitHubFake } from '../fakes/github/index.js';
import type { BareRepo } from '../../packages/platforms/src/git-remote/test-support.js';
import { clientEnv, type ServicesEnv } from '../helpers/services.js';
import { repoRoot } from '../helpers/repo-root.js';
import { RELIABILITY_TOKEN } from './release-project.js';

export interface ChildRelease {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** A project folder whose config releases `repository` to a Scoop bucket and a Homebrew tap on the git server. */
export function childProject(repository: string, targets: readonly string[], bucket: BareRepo, tap: BareRepo): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-rel-child-'));
  writeFileSync(join(dir, 'deployforge.yml'), [
    `project: { name: killed-forge, repository: ${repository}, license: MIT, description: A killed test, homepage: https://example.test/ }`,
    `build: { binary: killed-forge, targets: [${targets.join(', ')}] }`,
    'release: { notes: none, sbom: false, attest: false }',
    'platforms:',
    `  scoop: { bucket: ${bucket.httpUrl} }`,
    `  homebrew: { tap: ${tap.httpUrl} }`,
    '',
  ].join('\n'));
  return dir;
}

/** `deployforge release` as a real child process (the committed bundle), the way a user runs it. */
export function spawnRelease(options: { cwd: string; gh: GitHubFake; services: ServicesEnv; artifacts: string; repository: string }): ChildRelease {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/deployforge.js'), 'release', '--version', '1.0.0', '--artifacts', options.artifacts, '--json'], {
    cwd: options.cwd,
    env: clientEnv({
      GITHUB_TOKEN: RELIABILITY_TOKEN,
      GITHUB_API_URL: options.gh.url,
      GITHUB_SERVER_URL: options.gh.url,
      GITHUB_REPOSITORY: options.repository,
      SCOOP_BUCKET_TOKEN: options.services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN,
      HOMEBREW_TAP_TOKEN: options.services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Resolves once `predicate` holds for the fake's request log (polled: the log is in this process). */
export async function waitForRequests(gh: GitHubFake, predicate: () => boolean, child: ChildProcess): Promise<boolean> {
  while (!predicate()) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}
