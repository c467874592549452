import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../packages/cli/src/run-cli.js';
import type { CliIo } from '../../packages/cli/src/cli-io.js';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';

const TOKEN = 'ghs_e2e_required_credential_token_42';
let gh: GitHubFake;
let project: string;

beforeAll(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/credcheck'] });
  project = mkdtempSync(join(tmpdir(), 'df-required-cred-'));
  // The build command leaves a file behind: its absence proves the build never started.
  writeFileSync(join(project, 'deployforge.yml'), [
    'project: { name: credcheck, repository: acme/credcheck, license: MIT }',
    'version: { from: tag }',
    'build:',
    '  binary: credcheck',
    '  targets: [linux-x64]',
    '  command: echo ran > build-ran.txt',
    '  path: build-ran.txt',
    'release: { notes: none }',
    'required: [homebrew]',
    'platforms:',
    '  homebrew: { tap: acme/homebrew-tap }',
    '  scoop: { bucket: acme/scoop-bucket }',
    '',
  ].join('\n'));
});
afterAll(async () => {
  await gh.close();
});

/** `deployforge release` in-process, with no platform credential in its environment. */
async function release(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const env: Record<string, string | undefined> = { ...process.env, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url };
  for (const name of ['HOMEBREW_TAP_TOKEN', 'SCOOP_BUCKET_TOKEN', 'GITHUB_REF']) delete env[name];
  const io: CliIo = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd: project, env, isTTY: false };
  const code = await runCli(['release', ...args], io);
  return { code, stdout, stderr };
}

describe('deployforge release: a required platform without its credential', () => {
  test('exits 2 before the build, naming the platform and the variable, with zero writes to GitHub', async () => {
    const writes = gh.writeCount();
    const run = await release(['--version', '1.0.0']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/deployforge\.yml:9:\d+: required\[0\]: homebrew is required, but missing credential: set HOMEBREW_TAP_TOKEN/);
    expect(run.stderr).toContain('Nothing was built or published');
    // Scoop is optional: its missing token is no reason to stop, and is not reported as one.
    expect(run.stderr).not.toMatch(/scoop is required/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(gh.writeCount()).toBe(writes);
    expect(gh.state.repos.get('acme/credcheck')?.releases ?? []).toEqual([]);
    expect(existsSync(join(project, 'build-ran.txt'))).toBe(false);
    expect(existsSync(join(project, '.deployforge/status.json'))).toBe(false);
  });
});
