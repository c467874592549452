import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../packages/cli/src/run-cli.js';
import { DRIFT_ISSUE_MARKER } from '@deployforge/status';
import { issuesOf, seedIssue, startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { repoRoot } from '../helpers/repo-root.js';

// `deployforge drift-issue` (status.issues, issue 23) against the GitHub fake, whose issues endpoints
// are validated against GitHub's REST description: opened on drift, left alone while the drift is
// the same (zero writes), updated when it changes, closed on sync, and nothing at all when off.

const TOKEN = 'ghs_drift_issue_token';
let gh: GitHubFake;
let dir: string;

const check = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/status/check-1.2.4.json'), 'utf8')) as {
  drift: boolean; platforms: Record<string, { status: string; state: string; live?: string; version: string; detail: string }>;
};

/** The check with some platforms caught up (in-sync at 1.2.4). */
function report(name: string, caughtUp: string[]): string {
  const doc = structuredClone(check);
  for (const key of caughtUp) Object.assign(doc.platforms[key]!, { status: 'published', state: 'in-sync', live: '1.2.4', version: '1.2.4', detail: '' });
  doc.drift = Object.values(doc.platforms).some((p) => p.state !== 'in-sync');
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

async function cli(args: string[], config = 'deployforge.yml') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['drift-issue', '--config', config, ...args], {
    stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir, isTTY: false,
    env: { GITHUB_API_URL: gh.url, GITHUB_TOKEN: TOKEN, PATH: process.env.PATH ?? '' },
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  gh = await startGitHubFake({ token: TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'df-drift-issue-'));
  const base = 'project: { name: hello-forge, repository: acme/hello-forge }\nbuild: { targets: [linux-x64] }\nplatforms:\n  npm:\n';
  writeFileSync(join(dir, 'deployforge.yml'), `${base}status:\n  issues: true\n`);
  writeFileSync(join(dir, 'off.yml'), base);
  const repo = gh.state.addRepo('acme/hello-forge');
  // Someone else's issue: never touched.
  seedIssue(repo, { title: 'Docs typo', body: 'see README' });
});
afterAll(async () => {
  await gh?.close();
});

describe('deployforge drift-issue', () => {
  test('status.issues off: nothing done, no request, no token needed', async () => {
    const before = gh.requests.length;
    const run = await cli(['--report', report('drift.json', [])], 'off.yml');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('disabled: status.issues is not true in the config: no issue is kept\n');
    expect(gh.requests.length).toBe(before);
  });

  test('drift: one issue opened with the table and the exact dispatch; the same drift again writes nothing', async () => {
    const writes = gh.writeCount();
    const run = await cli(['--report', report('drift.json', []), '--workflow', 'release.yml']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^opened: opened #2: Release drift: npm, docker, winget behind 1\.2\.4 \(http/);
    expect(gh.writeCount()).toBe(writes + 1);
    const issue = issuesOf(gh.state.repo('acme/hello-forge')!).find((i) => i.number === 2)!;
    expect(issue.labels).toEqual(['deployforge-drift']);
    expect(issue.body).toContain(DRIFT_ISSUE_MARKER);
    expect(issue.body).toContain('| npm | 1.2.3 | 1.2.4 | behind ⬇ |');
    expect(issue.body).toContain('| AUR | — | 1.2.4 | unknown |');
    expect(issue.body).toContain('```yaml\nversion: 1.2.4\nplatforms: npm,docker,winget\n```');
    expect(issue.body).toContain('`gh workflow run release.yml -f version=1.2.4 -f platforms=npm,docker,winget`');

    const again = await cli(['--report', report('drift.json', []), '--workflow', 'release.yml', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, action: 'unchanged', number: 2 });
    expect(gh.writeCount()).toBe(writes + 1);
  });

  test('the drift changes: the same issue is updated, no second one', async () => {
    const writes = gh.writeCount();
    const run = await cli(['--report', report('less.json', ['npm']), '--workflow', 'release.yml']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^updated: updated #2: Release drift: docker, winget behind 1\.2\.4/);
    expect(gh.writeCount()).toBe(writes + 1);
    const open = issuesOf(gh.state.repo('acme/hello-forge')!).filter((i) => i.state === 'open');
    expect(open.map((i) => i.number)).toEqual([1, 2]);
    expect(open[1]!.body).toContain('platforms: docker,winget\n');
  });

  test('in sync: closed as completed; in sync again: zero writes; the other issue untouched; no description violations', async () => {
    const synced = report('synced.json', ['npm', 'docker', 'winget', 'aur']);
    const run = await cli(['--report', synced]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^closed: every platform serves 1\.2\.4: closed #2/);
    const repo = gh.state.repo('acme/hello-forge')!;
    expect(issuesOf(repo).find((i) => i.number === 2)).toMatchObject({ state: 'closed', stateReason: 'completed' });
    const writes = gh.writeCount();
    const again = await cli(['--report', synced]);
    expect(again.stdout).toBe('in-sync: every platform serves the newest release; no drift issue is open\n');
    expect(gh.writeCount()).toBe(writes);
    expect(issuesOf(repo).find((i) => i.number === 1)).toMatchObject({ state: 'open', title: 'Docs typo' });
    expect(gh.violations()).toEqual([]);
  });

  test('bad input: a missing report and a missing token are exit 2 naming them', async () => {
    const missing = await cli(['--report', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: cannot read the drift report (ENOENT)');
    let stderr = '';
    const code = await runCli(['drift-issue', '--report', report('drift.json', [])], { stdout: () => {}, stderr: (t) => (stderr += t), cwd: dir, isTTY: false, env: {} });
    expect(code).toBe(2);
    expect(stderr).toContain('GITHUB_TOKEN: not set; expected a token with issues: write on acme/hello-forge');
  });
});
