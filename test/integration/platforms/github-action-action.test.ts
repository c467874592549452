import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitData, seedFiles, seedTag } from '../../fakes/github/index.js';
import { createReleaseFixture, FIXTURE_TOKEN, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { runActionBundle } from '../../helpers/run-action-bundle.js';

const config = `
project: { name: setup-forge, description: An action, license: MIT, repository: acme/setup-forge }
build: { binary: setup-forge, targets: [linux-x64] }
platforms:
  github-action: {}
`;

/**
 * The committed bundle (dist/actions/publish-github-action.js, `npm run build`) under Node 24, as the
 * generated publish-github-action job runs it: the token arrives as the github-token input, the
 * release and the tags are the GitHub fake's (every request validated against GitHub's description).
 */
describe('publish-github-action action bundle', () => {
  let fx: ReleaseFixture;
  const work = mkdtempSync(join(tmpdir(), 'df-gha-action-'));

  beforeAll(async () => {
    fx = await createReleaseFixture(config, '1.0.0');
    writeFileSync(join(work, 'deployforge.yml'), config);
  });
  afterAll(async () => {
    await fx?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('creates v1 and v1.0 at the release commit, then a re-run skips with zero writes', async () => {
    const repo = fx.gh.state.repo('acme/setup-forge')!;
    const commit = seedFiles(repo, 'main', { 'action.yml': 'runs:\n  using: node24\n  main: dist/index.js\n', 'dist/index.js': '// bundle\n' }, 'release 1.0.0');
    // The tag the release was made for, pushed at the action's commit.
    seedTag(repo, 'v1.0.0', commit.sha, 'v1.0.0');
    const run = () => runActionBundle('publish-github-action', {
      cwd: work,
      inputs: { config: 'deployforge.yml', version: '1.0.0', 'github-token': FIXTURE_TOKEN, 'dry-run': 'false', force: 'false' },
      env: { GITHUB_API_URL: fx.gh.url, GITHUB_SERVER_URL: fx.gh.url, GITHUB_REPOSITORY: 'acme/setup-forge' },
    });
    const first = await run();
    expect(first.outputs['status'], first.stdout + first.stderr).toBe('published');
    expect(gitData(repo).tags.get('v1')).toEqual({ sha: commit.sha, type: 'commit' });
    expect(gitData(repo).tags.get('v1.0')).toEqual({ sha: commit.sha, type: 'commit' });
    // Only the runner's masking command may carry the token.
    const logged = (first.stdout + first.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    expect(logged).not.toContain(FIXTURE_TOKEN);

    const writes = fx.gh.writeCount();
    const second = await run();
    expect(second.outputs['status'], second.stdout + second.stderr).toBe('skipped');
    expect(fx.gh.writeCount()).toBe(writes);
    expect(fx.gh.violations()).toEqual([]);
  }, 120_000);
});
