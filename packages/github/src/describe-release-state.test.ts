import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubFake, type GitHubFake } from '../../../test/fakes/github/index.js';
import { describeReleaseState } from './describe-release-state.js';
import { publishRelease } from './publish-release.js';
import { sha256File } from './sha256-file.js';
import { fastClient, releaseFiles, releaseOptions, TOKEN } from './test-support.js';

let fake: GitHubFake;
beforeEach(async () => {
  fake = await startGitHubFake({ token: TOKEN, repos: ['acme/app'] });
});
afterEach(async () => {
  expect(fake.violations()).toEqual([]);
  await fake.close();
});

describe('describeReleaseState', () => {
  it('walks absent → partial draft → identical → different, writing nothing', async () => {
    const client = fastClient(fake);
    const files = await releaseFiles(2);
    const expected = await Promise.all(files.map(async (f) => ({ name: basename(f), sha256: await sha256File(f) })));
    const where = { owner: 'acme', repo: 'app', tag: 'v1.0.0', expected };

    expect(await describeReleaseState(client, where)).toMatchObject({ state: 'absent', partial: false });

    await client.octokit.rest.repos.createRelease({ owner: 'acme', repo: 'app', tag_name: 'v1.0.0', draft: true });
    expect(await describeReleaseState(client, where)).toMatchObject({ state: 'absent', partial: true, detail: expect.stringContaining('draft') });
    await client.octokit.rest.repos.createRelease({ owner: 'acme', repo: 'app', tag_name: 'v1.0.0', draft: true });
    expect(await describeReleaseState(client, where)).toMatchObject({ state: 'unknown', detail: expect.stringMatching(/2 draft releases/) });
    for (const { id } of fake.state.repo('acme/app')!.releases) {
      await client.octokit.rest.repos.deleteRelease({ owner: 'acme', repo: 'app', release_id: id });
    }

    await publishRelease(releaseOptions(client, files));
    const writes = fake.writeCount();
    expect(await describeReleaseState(client, where)).toMatchObject({ state: 'identical' });
    expect(await describeReleaseState(client, { ...where, expected: [...expected, { name: 'app-1.0.0-macos-arm64.tar.gz' }] })).toMatchObject({
      state: 'absent',
      partial: true,
      detail: expect.stringContaining('lacks app-1.0.0-macos-arm64.tar.gz'),
    });
    expect(
      await describeReleaseState(client, { ...where, expected: [{ name: expected[0]!.name, sha256: 'f'.repeat(64) }] }),
    ).toMatchObject({ state: 'different', detail: expect.stringContaining(`sha256:${'f'.repeat(64)}`) });
    expect(fake.writeCount()).toBe(writes);
  });

  it('is unknown, with the reason, when GitHub cannot be asked', async () => {
    fake.faults.add({ kind: 'status', status: 503, path: /releases$/ });
    const state = await describeReleaseState(fastClient(fake, { retries: 0 }), { owner: 'acme', repo: 'app', tag: 'v1.0.0', expected: [] });
    expect(state).toMatchObject({ state: 'unknown', detail: expect.stringContaining('HTTP 503') });
  });
});
