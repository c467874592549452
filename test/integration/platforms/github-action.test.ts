import { parseConfig } from '@deployforge/config';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import type { PlatformContext } from '@deployforge/platforms';
import { publishSpoke } from '@deployforge/publish';
import { parseVersionInput } from '@deployforge/version';
import { Octokit } from '@octokit/rest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { githubActionPlatform } from '../../../packages/platforms/src/github-action/index.js';
import { gitData, seedFiles, seedTag, startGitHubFake, type FakeCommit, type FakeRepo, type GitHubFake } from '../../fakes/github/index.js';

// The github-action spoke against the GitHub fake, whose every request and answer is validated against
// GitHub's REST description: the moving tags are created, moved forward, never moved backwards (a fix to
// an older minor moves that minor only), a prerelease moves nothing, an action whose bundle is missing at
// the release commit moves nothing, and every re-run makes zero writes.

const REPO = 'acme/setup-forge';
const TOKEN = 'ghs_github_action_spoke_token_0123456789';

const ACTION_YML = 'name: setup-forge\ndescription: test action\nruns:\n  using: node24\n  main: dist/index.js\n  post: dist/cleanup.js\n';

let gh: GitHubFake;
let repo: FakeRepo;
let octokit: Octokit;

beforeEach(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: [REPO], printViolations: false });
  repo = gh.state.repo(REPO)!;
  octokit = new Octokit({ auth: TOKEN, baseUrl: gh.url });
});
afterEach(async () => gh?.close());

/** A commit of the action with its bundle (or without `dist/cleanup.js`), on `branch`. */
function commitAction(branch: string, label: string, options: { withCleanup?: boolean } = {}): FakeCommit {
  return seedFiles(repo, branch, {
    'action.yml': ACTION_YML,
    'dist/index.js': `// ${label}\n`,
    ...(options.withCleanup === false ? {} : { 'dist/cleanup.js': `// cleanup ${label}\n` }),
    // An action.yml under test/ is a fixture, not the published action: never checked.
    'test/fixtures/broken/action.yml': 'runs:\n  using: node24\n  main: missing.js\n',
  }, `release ${label}`);
}

/** What the hub leaves behind: the version's tag pushed (annotated when asked) and its release published. */
async function released(version: string, commit: FakeCommit, options: { annotated?: boolean; prerelease?: boolean } = {}): Promise<void> {
  seedTag(repo, `v${version}`, commit.sha, options.annotated ? `release ${version}` : undefined);
  await octokit.repos.createRelease({ owner: 'acme', repo: 'setup-forge', tag_name: `v${version}`, prerelease: options.prerelease ?? false });
}

function context(version: string, block = '{}', dryRun = false): PlatformContext {
  const { config } = parseConfig(`project: { name: setup-forge, repository: ${REPO} }\nplatforms:\n  github-action: ${block}\n`, 'deployforge.yml');
  return {
    config,
    version: parseVersionInput(version, { tagPrefix: 'v', origin: 'test' }),
    assets: [],
    workDir: mkdtempSync(join(tmpdir(), 'df-gha-')),
    env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url },
    dryRun,
    force: false,
    log: createMemoryLogger(),
    fetchAsset: () => Promise.reject(new Error('the github-action spoke downloads no asset')),
  };
}

async function publish(version: string, block?: string, dryRun?: boolean) {
  const before = gh.writeCount();
  const outcome = await publishSpoke({ key: 'github-action', platform: githubActionPlatform, ctx: context(version, block, dryRun), redact: createRedactor([TOKEN]) });
  return { outcome, writes: gh.writeCount() - before };
}

const tag = (name: string) => gitData(repo).tags.get(name);

describe('github-action spoke against the GitHub fake', () => {
  test('created, moved forward, never backward; every re-run writes nothing', async () => {
    const c100 = commitAction('main', '1.0.0');
    await released('1.0.0', c100);
    let run = await publish('1.0.0');
    expect(run.outcome.status, run.outcome.detail).toBe('published');
    expect(run.outcome.detail).toBe(`v1 created at ${c100.sha.slice(0, 7)}; v1.0 created at ${c100.sha.slice(0, 7)}`);
    expect(run.writes).toBe(2);
    expect(tag('v1')).toEqual({ sha: c100.sha, type: 'commit' });
    expect(tag('v1.0')).toEqual({ sha: c100.sha, type: 'commit' });

    run = await publish('1.0.0');
    expect(run.outcome.status).toBe('skipped');
    expect(run.outcome.existence?.state).toBe('identical');
    expect(run.writes).toBe(0);

    // 1.1.0 with an annotated release tag: peeled to its commit.
    const c110 = commitAction('main', '1.1.0');
    await released('1.1.0', c110, { annotated: true });
    run = await publish('1.1.0');
    expect(run.outcome.status, run.outcome.detail).toBe('published');
    expect(run.outcome.detail).toBe(`v1 moved ${c100.sha.slice(0, 7)} -> ${c110.sha.slice(0, 7)}; v1.1 created at ${c110.sha.slice(0, 7)}`);
    expect(tag('v1')?.sha).toBe(c110.sha);
    expect(tag('v1.0')?.sha).toBe(c100.sha);

    const c120 = commitAction('main', '1.2.0');
    await released('1.2.0', c120);
    expect((await publish('1.2.0')).outcome.status).toBe('published');
    expect(tag('v1')?.sha).toBe(c120.sha);

    // A fix to 1.1 from a maintenance branch after 1.2.0: v1.1 moves (forward, though not a
    // fast-forward of main), v1 stays with 1.2.0.
    gitData(repo).branches.set('release-1.1', c110.sha);
    const c111 = commitAction('release-1.1', '1.1.1');
    await released('1.1.1', c111);
    run = await publish('1.1.1');
    expect(run.outcome.status, run.outcome.detail).toBe('published');
    expect(run.outcome.detail).toBe(`v1.1 moved ${c110.sha.slice(0, 7)} -> ${c111.sha.slice(0, 7)}; v1 stays with 1.2.0`);
    expect(run.writes).toBe(1);
    expect(tag('v1')?.sha).toBe(c120.sha);
    expect(tag('v1.1')?.sha).toBe(c111.sha);

    // Re-running any earlier release never moves anything back.
    for (const v of ['1.0.0', '1.1.0', '1.1.1', '1.2.0']) {
      run = await publish(v);
      expect(run.outcome.status, `${v}: ${run.outcome.detail}`).toBe('skipped');
      expect(run.writes, v).toBe(0);
    }
    expect(tag('v1')?.sha).toBe(c120.sha);
    expect(tag('v1.0')?.sha).toBe(c100.sha);
    expect(tag('v1.1')?.sha).toBe(c111.sha);
    expect(tag('v1.2')?.sha).toBe(c120.sha);

    // status: what @v1 gets today.
    const status = await githubActionPlatform.status(context('1.2.0'));
    expect(status).toMatchObject({ latest: '1.2.0', detail: 'v1 points at v1.2.0' });
    expect(gh.violations()).toEqual([]);
  });

  test('a prerelease moves no tag and makes no request that writes', async () => {
    const c = commitAction('main', '1.0.0');
    await released('1.0.0', c);
    await publish('1.0.0');
    const rc = commitAction('main', '2.0.0-rc.1');
    await released('2.0.0-rc.1', rc, { prerelease: true });
    const run = await publish('2.0.0-rc.1');
    expect(run.outcome.status).toBe('skipped');
    expect(run.outcome.detail).toContain('prerelease');
    expect(run.writes).toBe(0);
    expect(tag('v2')).toBeUndefined();
    // …and it never counts as the newest of v1 or v2 for the next final release.
    const c101 = commitAction('main', '1.0.1');
    await released('1.0.1', c101);
    expect((await publish('1.0.1')).outcome.status).toBe('published');
    expect(tag('v1')?.sha).toBe(c101.sha);
    expect(gh.violations()).toEqual([]);
  });

  test('check-dist: an action whose bundle is not in the release commit moves no tag; check-dist: false moves anyway', async () => {
    const c = commitAction('main', '1.0.0', { withCleanup: false });
    await released('1.0.0', c);
    let run = await publish('1.0.0');
    expect(run.outcome.status).toBe('failed');
    expect(run.outcome.detail).toContain('action.yml: runs.post is dist/cleanup.js, but dist/cleanup.js is not in');
    expect(run.outcome.detail).not.toContain('test/fixtures');
    expect(run.writes).toBe(0);
    expect(tag('v1')).toBeUndefined();

    run = await publish('1.0.0', '{ check-dist: false, tags: [major] }');
    expect(run.outcome.status, run.outcome.detail).toBe('published');
    expect(run.writes).toBe(1);
    expect(tag('v1')?.sha).toBe(c.sha);
    expect(tag('v1.0')).toBeUndefined();
    expect(gh.violations()).toEqual([]);
  });

  test('rollback --to moves the line\'s tags back on request, once; a prerelease target is refused', async () => {
    const c100 = commitAction('main', '1.0.0');
    await released('1.0.0', c100);
    await publish('1.0.0');
    const c110 = commitAction('main', '1.1.0');
    await released('1.1.0', c110);
    await publish('1.1.0');
    expect(tag('v1')?.sha).toBe(c110.sha);

    let before = gh.writeCount();
    let result = await githubActionPlatform.rollback!(context('1.0.0'), '1.0.0');
    expect(result).toMatchObject({ status: 'published', detail: `v1 moved back ${c110.sha.slice(0, 7)} -> ${c100.sha.slice(0, 7)} (v1.0.0); v1.0 already at ${c100.sha.slice(0, 7)}` });
    expect(gh.writeCount() - before).toBe(1);
    expect(tag('v1')?.sha).toBe(c100.sha);
    expect(tag('v1.1')?.sha).toBe(c110.sha);

    before = gh.writeCount();
    result = await githubActionPlatform.rollback!(context('1.0.0'), '1.0.0');
    expect(result.status).toBe('skipped');
    expect(gh.writeCount() - before).toBe(0);
    expect((await githubActionPlatform.rollback!(context('1.0.0'), '2.0.0-rc.1')).status).toBe('failed');
    expect(gh.violations()).toEqual([]);
  });

  test('a token that cannot write contents: failed with what the job needs, nothing half-explained', async () => {
    const c = commitAction('main', '1.0.0');
    await released('1.0.0', c);
    gh.faults.add({ kind: 'status', status: 403, method: 'POST', path: /\/git\/refs$/, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/git/refs#create-a-reference', status: '403' } });
    const run = await publish('1.0.0');
    expect(run.outcome.status).toBe('failed');
    expect(run.outcome.detail).toContain('v1 not moved: the token cannot write the tags of acme/setup-forge (HTTP 403: Resource not accessible by integration');
    expect(run.outcome.detail).toContain('the job needs contents: write, which the generated publish-github-action job has');
    expect(run.writes).toBe(0);
    expect(tag('v1')).toBeUndefined();
  });

  test('dry run and check-exists read only; a missing release tag is an error naming it', async () => {
    const c = commitAction('main', '1.0.0');
    await released('1.0.0', c);
    const dry = await publish('1.0.0', undefined, true);
    expect(dry.outcome.status).toBe('dry-run');
    expect(dry.outcome.existence).toMatchObject({ state: 'absent', detail: `v1 is created at ${c.sha.slice(0, 7)}; v1.0 is created at ${c.sha.slice(0, 7)}` });
    expect(dry.writes).toBe(0);

    const missing = await publish('1.5.0');
    expect(missing.outcome.status).toBe('failed');
    expect(missing.outcome.detail).toContain('the release tag v1.5.0 does not exist in acme/setup-forge');
    expect(missing.writes).toBe(0);
    expect(JSON.stringify(missing.outcome)).not.toContain(TOKEN);
    expect(gh.violations()).toEqual([]);
  });
});
