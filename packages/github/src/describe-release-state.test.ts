import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GitHubFake } from '../../../test/fakes/github/index.js';
import { githubFakeEachTest } from '../../../test/helpers/github-fake-each-test.js';
import { describeReleaseState } from './describe-release-state.js';
import { publishRelease } from './publish-release.js';
import { sha256File } from './sha256-file.js';
import { fastClient, releaseFiles, releaseOptions, TOKEN } from './test-support.js';

let fake: GitHubFake;
githubFakeEachTest({ token: TOKEN, repos: ['acme/app'] }, (started) => (fake = started));

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

  it('without server digests: hashes downloads against SHA256SUMS (or the given sha256); unknown when it cannot', async () => {
    fake.quirks.stripDigests = true;
    const client = fastClient(fake, { retries: 1 });
    const files = await releaseFiles(2);
    await publishRelease(releaseOptions(client, files));
    // What plan's check knows before the build: names only.
    const names = { owner: 'acme', repo: 'app', tag: 'v1.0.0', expected: [...files.map((f) => ({ name: basename(f) })), { name: 'SHA256SUMS' }] };
    const writes = fake.writeCount();
    expect(await describeReleaseState(client, names)).toMatchObject({ state: 'identical', detail: expect.stringContaining('2 without a server digest checked') });

    // The server's copy of an archive goes bad (same size): a size check would call it identical.
    const release = fake.state.repo('acme/app')!.releases[0]!;
    const damaged = release.assets.find((a) => a.name === basename(files[0]!))!;
    const bytes = await readFile(damaged.filePath!);
    bytes[10] = bytes[10]! ^ 0xff;
    await writeFile(damaged.filePath!, bytes);
    expect(await describeReleaseState(client, names)).toMatchObject({ state: 'different', detail: expect.stringContaining(`${damaged.name} (sha256:`) });
    // With the sha256 given, that is the reference.
    const given = { ...names, expected: [{ name: damaged.name, sha256: await sha256File(files[0]!) }] };
    expect(await describeReleaseState(client, given)).toMatchObject({ state: 'different' });

    // Nothing to compare with: unknown, saying why.
    fake.faults.add({ kind: 'reset', during: 'response', afterBytes: 5, method: 'GET', path: /^\/storage\/assets\//, times: 2 });
    expect(await describeReleaseState(client, names)).toMatchObject({ state: 'unknown', detail: expect.stringContaining('downloading them to hash failed') });
    release.assets = release.assets.filter((a) => a.name !== 'SHA256SUMS');
    expect(await describeReleaseState(client, { ...names, expected: names.expected.slice(0, 2) })).toMatchObject({
      state: 'unknown',
      detail: expect.stringContaining('no SHA256SUMS to compare them with'),
    });
    expect(fake.writeCount()).toBe(writes);
  });

  it('with digests, nothing is downloaded', async () => {
    const client = fastClient(fake);
    const files = await releaseFiles(2);
    await publishRelease(releaseOptions(client, files));
    const names = { owner: 'acme', repo: 'app', tag: 'v1.0.0', expected: [...files.map((f) => ({ name: basename(f) })), { name: 'SHA256SUMS' }] };
    const before = fake.requests.length;
    expect(await describeReleaseState(client, names)).toMatchObject({ state: 'identical' });
    // One list of releases, one of assets.
    expect(fake.requests.slice(before).map((r) => r.operationId)).toEqual(['repos/list-releases', 'repos/list-release-assets']);
  });

  it('is unknown, with the reason, when GitHub cannot be asked', async () => {
    fake.faults.add({ kind: 'status', status: 503, path: /releases$/ });
    const state = await describeReleaseState(fastClient(fake, { retries: 0 }), { owner: 'acme', repo: 'app', tag: 'v1.0.0', expected: [] });
    expect(state).toMatchObject({ state: 'unknown', detail: expect.stringContaining('HTTP 503') });
  });
});
