// Issue 22 items 2 and 3: a server that reports no asset digest (GHES before digests, a proxy that
// strips it) and corrupts an upload must never get a corrupted release published, and a plain
// re-run must finish the draft the hub itself left, replacing what differs without `force`.
// Only a published release needs `force` for that.
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakeRelease, GitHubFake } from '../../../test/fakes/github/index.js';
import { githubFakeEachTest } from '../../../test/helpers/github-fake-each-test.js';
import { octokitFor } from '../../../test/fakes/github/octokit-for-tests.js';
import { publishRelease } from './publish-release.js';
import { AssetConflictError, ReleaseStepError } from './release-errors.js';
import { sha256File } from './sha256-file.js';
import { uploadAssetStream } from './upload-asset-stream.js';
import { fastClient, releaseFiles, releaseOptions, TOKEN } from './test-support.js';

let fake: GitHubFake;
githubFakeEachTest({ token: TOKEN, repos: ['acme/app'] }, (started) => (fake = started));

function theRelease(): FakeRelease {
  const releases = fake.state.repo('acme/app')!.releases.filter((r) => r.tagName === 'v1.0.0');
  expect(releases).toHaveLength(1);
  return releases[0]!;
}

/** Every local file is on the release with exactly its bytes (the fake's own hash of what it stores). */
async function expectSameBytes(release: FakeRelease, files: readonly string[]): Promise<void> {
  for (const file of files) {
    const asset = release.assets.find((a) => a.name === basename(file));
    expect(asset?.sha256, basename(file)).toBe(await sha256File(file));
  }
}

const downloads = () => fake.requests.filter((r) => r.path.startsWith('/storage/assets/')).length;

describe('a server without digests that corrupts an upload', () => {
  it.each(['flip', 'truncate'] as const)('%s: the first run publishes nothing, a plain re-run converges, a third writes nothing', async (mode) => {
    fake.quirks.stripDigests = true;
    const files = await releaseFiles(3);
    // The second upload (after the first archive) is stored with other bytes, answered 201.
    const rule = fake.faults.add({ kind: 'corrupt', mode, method: 'POST', path: /^\/uploads\//, skip: 1, times: 1 });

    const first = publishRelease(releaseOptions(fastClient(fake), files));
    await expect(first).rejects.toThrow(ReleaseStepError);
    await expect(first).rejects.toThrow(/verify assets failed/);
    expect(rule.fired).toBe(1);
    // Nothing was published: the corrupted asset sits in a draft nobody can download from.
    expect(theRelease().draft).toBe(true);

    const second = await publishRelease(releaseOptions(fastClient(fake), files));
    expect(second.published).toBe(true);
    const release = theRelease();
    expect(release.draft).toBe(false);
    await expectSameBytes(release, files);
    expect(release.assets.map((a) => a.name).sort()).toEqual([...files.map((f) => basename(f)), 'SHA256SUMS'].sort());
    expect(second.actions.some((a) => a.startsWith('uploaded'))).toBe(true);

    const writes = fake.writeCount();
    const third = await publishRelease(releaseOptions(fastClient(fake), files));
    expect(third.writes).toBe(0);
    expect(fake.writeCount()).toBe(writes);
  });

  it('soak: with 1 upload in 4 corrupted, no release is ever published with a corrupted asset, and plain re-runs finish every one', async () => {
    fake.quirks.stripDigests = true;
    fake.faults.add({ kind: 'corrupt', mode: 'flip', method: 'POST', path: /^\/uploads\//, probability: 0.25 });
    fake.faults.add({ kind: 'corrupt', mode: 'truncate', method: 'POST', path: /^\/uploads\//, probability: 0.05 });
    let failedRuns = 0;
    for (let i = 0; i < 12; i++) {
      const tag = `v1.0.${i}`;
      const files = await releaseFiles(3, { seed: i + 1, version: `1.0.${i}` });
      let published = false;
      for (let attempt = 0; attempt < 15 && !published; attempt++) {
        try {
          published = (await publishRelease(releaseOptions(fastClient(fake), files, { tag, version: { version: `1.0.${i}`, prerelease: false } }))).published;
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(ReleaseStepError);
          failedRuns++;
        }
        // Whatever happened, a published release holds exactly the local bytes.
        const release = fake.state.repo('acme/app')!.releases.find((r) => r.tagName === tag);
        if (release && !release.draft) await expectSameBytes(release, files);
      }
      expect(published, `${tag} published within 15 plain runs`).toBe(true);
    }
    const fired = fake.faults.rules.reduce((n, r) => n + r.fired, 0);
    process.stderr.write(`digestless soak: 12 releases, ${fired} corrupted uploads, ${failedRuns} runs stopped before publishing, 0 corrupted releases published\n`);
    // The soak means something only if corruption happened and was caught.
    expect(fired).toBeGreaterThan(3);
    expect(failedRuns).toBeGreaterThan(0);
  });

  it('hashes each asset it could not get a digest for once per run, streamed from the server', async () => {
    fake.quirks.stripDigests = true;
    const files = await releaseFiles(2);
    await publishRelease(releaseOptions(fastClient(fake), files));
    // First run: each upload (2 archives + SHA256SUMS) downloaded once to verify it.
    expect(downloads()).toBe(3);
    await publishRelease(releaseOptions(fastClient(fake), files));
    // The re-run hashes each once to decide, and not again to verify.
    expect(downloads()).toBe(6);
  });

  it('with digests (github.com) nothing is downloaded', async () => {
    const files = await releaseFiles(2);
    await publishRelease(releaseOptions(fastClient(fake), files));
    await publishRelease(releaseOptions(fastClient(fake), files));
    expect(downloads()).toBe(0);
  });
});

describe('a different asset: replaced on a draft without force, refused on a published release', () => {
  it.each([
    ['digests reported', false],
    ['no digests', true],
  ] as const)('%s', async (_label, strip) => {
    fake.quirks.stripDigests = strip;
    const files = await releaseFiles(2);
    // A draft holding an asset of the same name and size but other bytes (another build, a bad upload).
    const octokit = octokitFor(fake, TOKEN);
    const draft = (await octokit.rest.repos.createRelease({ owner: 'acme', repo: 'app', tag_name: 'v1.0.0', draft: true })).data;
    const { size } = await stat(files[0]!);
    const wrong = join(await mkdtemp(join(tmpdir(), 'df-wrong-')), 'wrong');
    await writeFile(wrong, Buffer.alloc(size, 7));
    await uploadAssetStream({ uploadUrl: draft.upload_url, token: TOKEN, name: basename(files[0]!), path: wrong, size, contentType: 'application/gzip' });

    const finished = await publishRelease(releaseOptions(fastClient(fake), files));
    expect(finished.published).toBe(true);
    expect(finished.created).toBe(false);
    await expectSameBytes(theRelease(), files);

    // Published now: a changed archive is a conflict without force, refused before any write…
    await writeFile(files[1]!, 'rebuilt with other bytes\n');
    const writes = fake.writeCount();
    await expect(publishRelease(releaseOptions(fastClient(fake), files))).rejects.toThrow(AssetConflictError);
    expect(fake.writeCount()).toBe(writes);
    // …and replaced with it.
    const forced = await publishRelease(releaseOptions(fastClient(fake), files, { force: true }));
    expect(forced.writes).toBeGreaterThan(0);
    await expectSameBytes(theRelease(), files);
  });
});

describe('immutable releases (the repository setting)', () => {
  it.each([
    ['digests reported', false],
    ['no digests', true],
  ] as const)('%s: a draft is still replaced without force; once published, not even force changes it', async (_label, strip) => {
    fake.quirks.immutableReleases = true;
    fake.quirks.stripDigests = strip;
    const files = await releaseFiles(2);
    const octokit = octokitFor(fake, TOKEN);
    const draft = (await octokit.rest.repos.createRelease({ owner: 'acme', repo: 'app', tag_name: 'v1.0.0', draft: true })).data;
    const { size } = await stat(files[1]!);
    const wrong = join(await mkdtemp(join(tmpdir(), 'df-wrong-')), 'wrong');
    await writeFile(wrong, Buffer.alloc(size, 9));
    await uploadAssetStream({ uploadUrl: draft.upload_url, token: TOKEN, name: basename(files[1]!), path: wrong, size, contentType: 'application/gzip' });

    expect((await publishRelease(releaseOptions(fastClient(fake), files))).published).toBe(true);
    await expectSameBytes(theRelease(), files);

    await writeFile(files[0]!, 'rebuilt with other bytes\n');
    const writes = fake.writeCount();
    for (const force of [false, true]) {
      await expect(publishRelease(releaseOptions(fastClient(fake), files, { force }))).rejects.toThrow(/published and immutable.*release a new version/);
    }
    expect(fake.writeCount()).toBe(writes);
  });
});
