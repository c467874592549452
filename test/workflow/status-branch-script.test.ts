import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PUSH_SITE_SCRIPT } from '@deployforge/workflow';

// The status-branch job's run: script (status.branch, issue 23), executed with bash against a real
// git repository (a bare one reached over file://, standing in for $GITHUB_SERVER_URL/$GITHUB_REPOSITORY.git).

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'df-status-branch-'));
  const server = join(root, 'server');
  mkdirSync(join(server, 'acme'), { recursive: true });
  git(root, 'init', '-q', '--bare', join(server, 'acme/tool.git'));
  return { root, server };
}

function writeSite(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

function run(root: string, server: string, workspace: string) {
  const runnerTemp = mkdtempSync(join(root, 'tmp-'));
  return spawnSync('bash', ['-c', PUSH_SITE_SCRIPT], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH, HOME: root, GIT_CONFIG_NOSYSTEM: '1',
      GITHUB_SERVER_URL: `file://${server}`, GITHUB_REPOSITORY: 'acme/tool', GITHUB_TOKEN: 'ghs_not_a_real_token',
      RUNNER_TEMP: runnerTemp, DEPLOYFORGE_SITE: 'deployforge-status', DEPLOYFORGE_BRANCH: 'gh-pages',
    },
  });
}

describe('the status-branch job script', () => {
  test('creates the branch, replaces the site on the next run (keeping other files), pushes nothing when unchanged', () => {
    const { root, server } = setup();
    const bare = join(server, 'acme/tool.git');
    const ws1 = mkdtempSync(join(root, 'ws-'));
    writeSite(join(ws1, 'deployforge-status'), { 'index.html': 'one', 'history.json': '{"documents":[]}', 'releases/1.0.0-1.html': 'r1' });
    const first = run(root, server, ws1);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('::notice title=DeployForge status::the branch gh-pages does not exist yet');
    expect(git(root, '--git-dir', bare, 'ls-tree', '-r', '--name-only', 'gh-pages').split('\n')).toEqual(['.nojekyll', 'history.json', 'index.html', 'releases/1.0.0-1.html']);

    // Someone adds a CNAME on the branch; the next run's site drops release 1.0.0's page.
    const clone = join(root, 'clone');
    git(root, 'clone', '-q', '-b', 'gh-pages', bare, clone);
    writeFileSync(join(clone, 'CNAME'), 'status.example.test\n');
    git(clone, 'add', 'CNAME');
    git(clone, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'cname');
    git(clone, 'push', '-q', 'origin', 'gh-pages');

    const ws2 = mkdtempSync(join(root, 'ws-'));
    writeSite(join(ws2, 'deployforge-status'), { 'index.html': 'two', 'history.json': '{"documents":[1]}', 'releases/1.1.0-2.html': 'r2' });
    const second = run(root, server, ws2);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('published the dashboard to gh-pages');
    expect(git(root, '--git-dir', bare, 'ls-tree', '-r', '--name-only', 'gh-pages').split('\n')).toEqual(['.nojekyll', 'CNAME', 'history.json', 'index.html', 'releases/1.1.0-2.html']);
    expect(git(root, '--git-dir', bare, 'show', 'gh-pages:index.html')).toBe('two');
    const commits = git(root, '--git-dir', bare, 'rev-list', '--count', 'gh-pages');

    const third = run(root, server, ws2);
    expect(third.status, third.stderr).toBe(0);
    expect(third.stdout).toContain('gh-pages already has this dashboard: nothing to push');
    expect(git(root, '--git-dir', bare, 'rev-list', '--count', 'gh-pages')).toBe(commits);
    // The token never shows in what the script printed.
    expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain('ghs_not_a_real_token');
  });

  test('a repository it cannot read: an error naming the branch, nothing created', () => {
    const { root } = setup();
    const ws = mkdtempSync(join(root, 'ws-'));
    writeSite(join(ws, 'deployforge-status'), { 'index.html': 'x' });
    const result = run(root, join(root, 'nowhere'), ws);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/::error title=DeployForge status::could not read the branch gh-pages of acme\/tool \(git ls-remote exit \d+\)/);
  });
});
