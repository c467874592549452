import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseStatusDocument, parseStatusHistory, serializeHistory } from '@deployforge/status';
import { seedFiles, seedPagesSite, startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { repoRoot, runActionBundle } from '../helpers/run-action-bundle.js';
import { runCli } from '../../packages/cli/src/run-cli.js';
import { needsText } from './summarize-fixtures.js';

// The summarize bundle with `history: branch:gh-pages` (status.branch, issue 23) against the GitHub
// fake: the published history.json is read through the contents API and this run is added to it;
// when it cannot be read the site is not offered for publishing. Needs `npm run build` first.

const TOKEN = 'ghs_summarize_history_token';
let gh: GitHubFake;

beforeAll(async () => {
  gh = await startGitHubFake({ token: TOKEN });
});
afterAll(async () => {
  await gh?.close();
});

async function summarize(repo: string, inputs: Record<string, string>) {
  const workspace = mkdtempSync(join(tmpdir(), 'df-summarize-history-'));
  const run = await runActionBundle('summarize', {
    cwd: workspace,
    env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: repo },
    inputs: { results: needsText('all-green'), config: join(repoRoot, 'examples/rust-cli/deployforge.yml'), token: TOKEN, ...inputs },
  });
  const site = join(workspace, 'deployforge-status');
  return { run, site, history: () => parseStatusHistory(readFileSync(join(site, 'history.json'), 'utf8'), 'history.json') };
}

const fixture = (name: string) => parseStatusDocument(readFileSync(join(repoRoot, 'test/fixtures/status', name), 'utf8'), name);

describe('summarize with a published history on a branch', () => {
  test('adds this run to the history.json on the branch; publish=true; no writes, no violations', async () => {
    const repo = gh.state.addRepo('acme/with-history');
    const previous = [fixture('release-1.2.2.json'), fixture('release-1.2.1.json')];
    seedFiles(repo, 'gh-pages', { 'history.json': serializeHistory(previous), 'index.html': 'old' }, 'DeployForge status');
    const writes = gh.writeCount();
    const { run, history, site } = await summarize('acme/with-history', { history: 'branch:gh-pages' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.publish).toBe('true');
    expect(run.stdout).toContain('published history: 2 documents from history.json on gh-pages');
    expect(history().map((d) => d['generated-at'].slice(0, 10))).toHaveLength(3);
    expect(history()[1]).toEqual(previous[0]);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('across the last 3 releases and checks');
    expect(gh.writeCount()).toBe(writes);
    expect(gh.violations()).toEqual([]);
    // Only the runner's own mask command carries it.
    expect((run.stdout + run.stderr).replace(/^::add-mask::.*$/gm, '')).not.toContain(TOKEN);
  });

  test('no branch yet: the history starts with this run, publish=true', async () => {
    gh.state.addRepo('acme/fresh');
    const { run, history } = await summarize('acme/fresh', { history: 'branch:gh-pages' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.publish).toBe('true');
    expect(run.stdout).toContain('no history.json on gh-pages yet: the history starts here');
    expect(history()).toHaveLength(1);
  });

  test('a history that cannot be read (a broken file): a warning, publish=false, the run still reports', async () => {
    const repo = gh.state.addRepo('acme/broken');
    seedFiles(repo, 'gh-pages', { 'history.json': '{"documents": [{"project": 1}]}' }, 'broken');
    const { run } = await summarize('acme/broken', { history: 'branch:gh-pages' });
    expect(run.code).toBe(0);
    expect(run.outputs.publish).toBe('false');
    // One annotation: the file, its bad keys on their own lines, then what happens to the site.
    expect(run.stdout).toMatch(/^::warning title=The published status history could not be read::history.json on gh-pages: documents\[0\]: not a valid status.json:%0A  project: expected a non-empty string, got 1%0A.*%0AThe published dashboard is left as it is; this run's is in the .+ artifact\.$/m);
  });

  test('without history: publish=false and no request at all', async () => {
    const before = gh.requests.length;
    const { run } = await summarize('acme/none', {});
    expect(run.code).toBe(0);
    expect(run.outputs.publish).toBe('false');
    expect(gh.requests.length).toBe(before);
  });

  test('a bad history input is the user\'s to fix: exit 1 naming the input', async () => {
    const { run } = await summarize('acme/none', { history: 'gh-pages' });
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('expected "pages", "branch:<name>" or nothing, got "gh-pages"');
  });
});

describe('summarize with a published history on GitHub Pages', () => {
  // The Pages site itself: a 127.0.0.1 server standing in for https://<owner>.github.io/<repo>/.
  let site: Server;
  let siteUrl: string;
  let body: string | undefined;
  let status = 200;
  const served: string[] = [];
  beforeAll(async () => {
    site = createServer((req, res) => {
      served.push(req.url ?? '');
      if (req.url === '/repo/history.json' && body !== undefined) return res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      res.writeHead(404).end('not found');
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', () => r()));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/repo/`;
  });
  afterAll(async () => {
    await new Promise((r) => site?.close(r));
  });

  test('the site URL from the Pages API, history.json from the site: this run is added; publish=true', async () => {
    seedPagesSite(gh.state.addRepo('acme/pages'), siteUrl);
    body = serializeHistory([fixture('release-1.2.2.json')]);
    const { run, history } = await summarize('acme/pages', { history: 'pages' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.publish).toBe('true');
    expect(run.stdout).toContain(`published history: 1 documents from ${siteUrl}history.json`);
    expect(history()).toHaveLength(2);
    expect(served).toContain('/repo/history.json');
    expect(gh.violations()).toEqual([]);
  });

  test('Pages not set up yet (404 from the API): the history starts here', async () => {
    gh.state.addRepo('acme/no-pages');
    const { run, history } = await summarize('acme/no-pages', { history: 'pages' });
    expect(run.outputs.publish).toBe('true');
    expect(run.stdout).toContain('GitHub Pages is not set up yet: the history starts here');
    expect(history()).toHaveLength(1);
  });

  test('the site answers 500: publish=false with a warning naming the URL', async () => {
    seedPagesSite(gh.state.addRepo('acme/pages-down'), siteUrl);
    status = 500;
    const { run } = await summarize('acme/pages-down', { history: 'pages' });
    status = 200;
    expect(run.outputs.publish).toBe('false');
    expect(run.stdout).toContain(`::warning title=The published status history could not be read::${siteUrl}history.json answered HTTP 500`);
  });
});

describe('deployforge dashboard --published (what the monitor runs)', () => {
  async function dashboard(status: string, args: string[] = []) {
    const dir = mkdtempSync(join(tmpdir(), 'df-dashboard-published-'));
    writeFileSync(join(dir, 'deployforge.yml'), `project: { name: hello-forge, repository: acme/monitored }\nbuild: { targets: [linux-x64] }\nplatforms:\n  npm:\n${status}`);
    let stdout = '';
    let stderr = '';
    const code = await runCli(['dashboard', '--published', '--status', join(repoRoot, 'test/fixtures/status/check-1.2.4.json'), '--out', 'site', ...args], {
      stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir, isTTY: false,
      env: { GITHUB_API_URL: gh.url, GITHUB_TOKEN: TOKEN },
    });
    return { code, stdout, stderr, dir };
  }

  test('status.branch: adds the check to the branch\'s history and says publish: branch gh-pages', async () => {
    const repo = gh.state.addRepo('acme/monitored');
    seedFiles(repo, 'gh-pages', { 'history.json': serializeHistory([fixture('release-1.2.4.json'), fixture('release-1.2.3.json')]) }, 'DeployForge status');
    const run = await dashboard('status: { branch: gh-pages }\n', ['--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, publish: 'branch', branch: 'gh-pages', detail: '2 documents from history.json on gh-pages' });
    const kept = parseStatusHistory(readFileSync(join(run.dir, 'site/history.json'), 'utf8'), 'history.json');
    expect(kept.map((d) => d.version)).toEqual(['1.2.4', '1.2.4', '1.2.3']);
    expect(readFileSync(join(run.dir, 'site/index.html'), 'utf8')).toContain('platforms: npm,docker,winget');
  });

  test('nothing configured: publish: none, and no request', async () => {
    const before = gh.requests.length;
    const run = await dashboard('');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[1]).toBe('publish: none (status.pages and status.branch are not set)');
    expect(gh.requests.length).toBe(before);
  });
});

