import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubFake, type FakeRelease, type GitHubFake } from '../../../test/fakes/github/index.js';
import { AmbiguousReleaseError } from './find-release.js';
import { publishRelease } from './publish-release.js';
import { AssetConflictError } from './release-errors.js';
import { sha256File } from './sha256-file.js';
import { parseSha256Sums } from './sha256sums.js';
import { fastClient, releaseFiles, releaseOptions, TOKEN } from './test-support.js';

let fake: GitHubFake;

beforeEach(async () => {
  fake = await startGitHubFake({ token: TOKEN, repos: ['acme/app'], seed: Number(process.env['DEPLOYFORGE_FAKE_SEED'] ?? 42) });
});

afterEach(async () => {
  expect(fake.violations()).toEqual([]);
  await fake.close();
});

function releasesFor(tag: string): FakeRelease[] {
  return fake.state.repo('acme/app')!.releases.filter((r) => r.tagName === tag);
}

/** The one release for `tag`: published, holding exactly `files` + SHA256SUMS, byte-identical. */
async function expectCompleteRelease(tag: string, files: string[]): Promise<FakeRelease> {
  const releases = releasesFor(tag);
  expect(releases).toHaveLength(1);
  const release = releases[0]!;
  expect(release.draft).toBe(false);
  const names = release.assets.map((a) => a.name).sort();
  expect(names).toEqual([...files.map((f) => basename(f)), 'SHA256SUMS'].sort());
  for (const file of files) {
    const asset = release.assets.find((a) => a.name === basename(file))!;
    expect(asset.state).toBe('uploaded');
    expect(asset.sha256).toBe(await sha256File(file));
  }
  const sums = release.assets.find((a) => a.name === 'SHA256SUMS')!;
  const listed = parseSha256Sums(await readFile(sums.filePath!, 'utf8'));
  expect(listed.map((e) => e.name)).toEqual(files.map((f) => basename(f)).sort());
  for (const entry of listed) expect(entry.sha256).toBe(release.assets.find((a) => a.name === entry.name)!.sha256);
  return release;
}

describe('publishRelease against the GitHub fake', () => {
  it('creates a draft, uploads, verifies, publishes; a re-run writes nothing', async () => {
    const client = fastClient(fake);
    const files = await releaseFiles(4);
    const first = await publishRelease(releaseOptions(client, files));

    const release = await expectCompleteRelease('v1.0.0', files);
    expect(first).toMatchObject({ releaseId: release.id, tag: 'v1.0.0', created: true, published: true, dryRun: false });
    expect(first.url).toContain('/releases/tag/v1.0.0');
    expect(release.body).toContain('Full Changelog');
    expect(fake.state.repo('acme/app')!.latestReleaseId).toBe(release.id);
    // 1 create + 4 archives + SHA256SUMS + 1 publish.
    expect(first.writes).toBe(7);
    expect(fake.writeCount()).toBe(7);
    expect(first.assets.map((a) => a.name)).toEqual([...files.map((f) => basename(f)), 'SHA256SUMS']);
    for (const asset of first.assets) expect(asset.url).toContain('/releases/download/v1.0.0/');

    // Draft first: the create asked for a draft, and publishing came after every upload.
    const writes = fake.requests.filter((r) => r.isWrite).map((r) => `${r.method} ${r.operationId}`);
    expect(writes[0]).toBe('POST repos/create-release');
    expect(writes.at(-1)).toBe('PATCH repos/update-release');
    expect(writes.slice(1, -1).every((w) => w === 'POST repos/upload-release-asset')).toBe(true);
    // Issue 20: a first release of K assets (SHA256SUMS included) costs at most K + 5 requests:
    // list releases, create (notes generated in that request), list releases (two runs racing to
    // create), K uploads, list assets (verify), publish.
    expect(fake.requests.map((r) => `${r.method} ${r.operationId}`)).toEqual([
      'GET repos/list-releases',
      'POST repos/create-release',
      'GET repos/list-releases',
      ...Array.from({ length: files.length + 1 }, () => 'POST repos/upload-release-asset'),
      'GET repos/list-release-assets',
      'PATCH repos/update-release',
    ]);
    expect(fake.requests.length).toBeLessThanOrEqual(files.length + 1 + 5);

    const requestsBefore = fake.requests.length;
    const second = await publishRelease(releaseOptions(client, files));
    expect(fake.writeCount()).toBe(7);
    expect(second).toMatchObject({ releaseId: release.id, created: false, published: true, writes: 0 });
    expect(client.lines).toContain('info: release v1.0.0 complete, nothing to do');
    // A re-run costs two reads: list releases, list assets.
    expect(fake.requests.length - requestsBefore).toBe(2);
    expect(client.lines.join('\n')).not.toContain(TOKEN);
  });

  it('dry run reports what it would do and writes nothing', async () => {
    const client = fastClient(fake);
    const files = await releaseFiles(2);
    const result = await publishRelease(releaseOptions(client, files, { dryRun: true }));
    expect(fake.writeCount()).toBe(0);
    expect(result).toMatchObject({ releaseId: undefined, published: false, writes: 0, dryRun: true });
    expect(result.actions).toEqual([
      'create draft release v1.0.0 with generated notes',
      expect.stringMatching(/^upload app-1\.0\.0-linux-x64\.tar\.gz/),
      expect.stringMatching(/^upload app-1\.0\.0-linux-arm64\.tar\.gz/),
      expect.stringMatching(/^upload SHA256SUMS/),
      'publish v1.0.0 as latest',
    ]);
  });

  it('publishes a prerelease without making it latest', async () => {
    const client = fastClient(fake);
    const files = await releaseFiles(1, { version: '2.0.0-rc.1' });
    await publishRelease(
      releaseOptions(client, files, { tag: 'v2.0.0-rc.1', version: { version: '2.0.0-rc.1', prerelease: true }, notes: { kind: 'none' } }),
    );
    const [release] = releasesFor('v2.0.0-rc.1');
    expect(release).toMatchObject({ prerelease: true, draft: false, body: '' });
    expect(fake.state.repo('acme/app')!.latestReleaseId).toBeNull();
  });

  it('re-run after an aborted run converges without duplicates', async () => {
    const files = await releaseFiles(6);
    // Slow uploads so that the abort lands while the fourth one is streaming.
    fake.faults.add({ kind: 'latency', ms: 40, path: /^\/uploads\//, name: 'slow-upload' });
    const controller = new AbortController();
    const client = fastClient(fake);
    let uploadsStarted = 0;
    const log = {
      ...client.log,
      info(message: string) {
        client.log.info(message);
        if (/: uploading \d+ bytes$/.test(message) && ++uploadsStarted === 4) setTimeout(() => controller.abort(new Error('runner cancelled')), 10);
      },
    };
    await expect(publishRelease(releaseOptions(client, files, { log, concurrency: 1, signal: controller.signal }))).rejects.toThrow();
    const [draft] = releasesFor('v1.0.0');
    expect(draft!.draft).toBe(true);
    const finishedIds = draft!.assets.filter((a) => a.state === 'uploaded').map((a) => a.id);
    const uploadedBefore = finishedIds.length;
    expect(uploadedBefore).toBeGreaterThanOrEqual(2);
    expect(uploadedBefore).toBeLessThan(files.length);

    fake.faults.clear();
    const rerun = await publishRelease(releaseOptions(fastClient(fake), files));
    expect(rerun.created).toBe(false);
    const release = await expectCompleteRelease('v1.0.0', files);
    // The assets finished by the first run were kept, not uploaded again.
    expect(release.assets.map((a) => a.id)).toEqual(expect.arrayContaining(finishedIds));
    expect(rerun.actions.filter((a) => a.startsWith('uploaded '))).toHaveLength(files.length + 1 - uploadedBefore);
  });

  it('two concurrent runs for one tag make one release with one copy of each asset', async () => {
    const files = await releaseFiles(5);
    const [a, b] = await Promise.all([
      publishRelease(releaseOptions(fastClient(fake), files)),
      publishRelease(releaseOptions(fastClient(fake), files)),
    ]);
    await expectCompleteRelease('v1.0.0', files);
    expect(a.releaseId).toBe(b.releaseId);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    // Both runs raced to create a draft; the later one deleted its own and adopted the first.
    const creates = fake.requests.filter((r) => r.operationId === 'repos/create-release').length;
    const deletes = fake.requests.filter((r) => r.operationId === 'repos/delete-release').length;
    expect(deletes).toBe(creates - 1);
  });

  it('survives 20% injected faults over 50 releases', { timeout: 180_000 }, async () => {
    const everything = /./;
    const uploads = /^\/uploads\//;
    // Each rule draws only while none has fired, so these add up to roughly one failed request in five.
    fake.faults.add({ kind: 'status', status: 500, path: everything, probability: 0.05 });
    fake.faults.add({ kind: 'status', status: 503, path: everything, probability: 0.04 });
    fake.faults.add({ kind: 'status', status: 429, retryAfter: 0, path: everything, probability: 0.03 });
    fake.faults.add({ kind: 'status', status: 429, retryAfter: 1, rateLimit: 'primary', path: everything, probability: 0.03 });
    fake.faults.add({ kind: 'status', status: 403, retryAfter: 1, path: everything, probability: 0.03 });
    fake.faults.add({ kind: 'starter502', path: uploads, probability: 0.08 });
    fake.faults.add({ kind: 'reset', during: 'request', afterBytes: 1000, path: uploads, probability: 0.06 });
    fake.faults.add({ kind: 'reset', during: 'response', afterBytes: 20, path: everything, probability: 0.04 });

    const client = fastClient(fake);
    for (let run = 1; run <= 50; run++) {
      const version = `0.${run}.0`;
      const files = await releaseFiles(3, { seed: run, size: 2048, version });
      const result = await publishRelease(releaseOptions(client, files, { tag: `v${version}`, version: { version, prerelease: false } }));
      expect(result.published).toBe(true);
      await expectCompleteRelease(`v${version}`, files);
    }
    const fired = fake.faults.rules.reduce((n, r) => n + r.fired, 0);
    const requests = fake.requests.length;
    // Roughly one request in five failed, and every release still completed.
    expect(fired / requests).toBeGreaterThan(0.17);
    console.info(`fault soak: ${requests} requests, ${fired} faults fired (${fake.faults.rules.map((r) => `${r.rule.kind}${'status' in r.rule ? r.rule.status : ''}:${r.fired}`).join(' ')})`);
    expect(client.lines.join('\n')).not.toContain(TOKEN);
  });

  it('refuses a different asset without force, naming both digests, before any write', async () => {
    const files = await releaseFiles(2);
    await publishRelease(releaseOptions(fastClient(fake), files));
    const oldSha = await sha256File(files[0]!);
    await writeFile(files[0]!, 'rebuilt with other content');
    const newSha = await sha256File(files[0]!);
    const writes = fake.writeCount();
    const run = publishRelease(releaseOptions(fastClient(fake), files));
    await expect(run).rejects.toThrow(AssetConflictError);
    await expect(run).rejects.toThrow(new RegExp(`${basename(files[0]!)}.*sha256:${oldSha}.*sha256:${newSha}`));
    expect(fake.writeCount()).toBe(writes);
  });

  it('force replaces a different asset without a gap: upload aside, delete, rename', async () => {
    const files = await releaseFiles(2);
    await publishRelease(releaseOptions(fastClient(fake), files));
    await writeFile(files[1]!, 'rebuilt with other content');
    const before = fake.requests.length;
    const result = await publishRelease(releaseOptions(fastClient(fake), files, { force: true }));
    const release = await expectCompleteRelease('v1.0.0', files);
    expect(result.releaseId).toBe(release.id);
    const writes = fake.requests
      .slice(before)
      .filter((r) => r.isWrite)
      .map((r) => `${r.method} ${r.operationId} ${decodeURIComponent(r.path.split('?')[1] ?? '')}`.trim());
    const name = basename(files[1]!);
    // The changed archive and SHA256SUMS (its listing changed too) are each replaced the same way.
    expect(writes).toHaveLength(6);
    expect(writes.filter((w) => w.startsWith('POST repos/upload-release-asset'))).toEqual(
      expect.arrayContaining([expect.stringContaining(`name=${name}.deployforge-replacement`), expect.stringContaining('name=SHA256SUMS.deployforge-replacement')]),
    );
    const order = (needle: string): number => writes.findIndex((w) => w.includes(needle));
    expect(order(`name=${name}.deployforge-replacement`)).toBeLessThan(order('DELETE'));
    expect(writes.filter((w) => w.startsWith('PATCH repos/update-release-asset'))).toHaveLength(2);
  });

  it('two drafts for one tag is a hard error naming both ids', async () => {
    const client = fastClient(fake);
    const create = () => client.octokit.rest.repos.createRelease({ owner: 'acme', repo: 'app', tag_name: 'v1.0.0', draft: true });
    const ids = [(await create()).data.id, (await create()).data.id];
    const writes = fake.writeCount();
    const run = publishRelease(releaseOptions(client, await releaseFiles(1)));
    await expect(run).rejects.toThrow(AmbiguousReleaseError);
    await expect(run).rejects.toThrow(new RegExp(`ids ${ids[0]}, ${ids[1]}`));
    expect(fake.writeCount()).toBe(writes);
  });

  it('finishes a draft whose assets are complete with a single write', async () => {
    const files = await releaseFiles(2);
    const client = fastClient(fake);
    fake.faults.add({ kind: 'status', status: 500, method: 'PATCH', path: /\/releases\/\d+$/, times: 10 });
    await expect(publishRelease(releaseOptions(fastClient(fake, { retries: 1 }), files))).rejects.toThrow(/publish release failed \(HTTP 500\)/);
    fake.faults.clear();
    const writes = fake.writeCount();
    const result = await publishRelease(releaseOptions(client, files));
    expect(result.writes).toBe(1);
    expect(fake.writeCount()).toBe(writes + 1);
    await expectCompleteRelease('v1.0.0', files);
  });

  it('fails on a non-retryable upload status, naming asset, step and status', async () => {
    fake.faults.add({ kind: 'status', status: 413, path: /^\/uploads\//, body: { message: 'Payload Too Large' } });
    const files = await releaseFiles(1);
    await expect(publishRelease(releaseOptions(fastClient(fake), files))).rejects.toThrow(
      `asset ${basename(files[0]!)}: upload failed (HTTP 413)`,
    );
  });
});

describe('publishRelease options', () => {
  it('takes notes from a file and, without draft-until-complete, creates the release published', async () => {
    const files = await releaseFiles(1);
    const notes = `${files[0]}.notes.md`;
    await writeFile(notes, '## Changes\n- faster\n');
    const result = await publishRelease(
      releaseOptions(fastClient(fake), files, { notes: { kind: 'file', path: notes }, draftUntilComplete: false, checksums: false }),
    );
    const [release] = releasesFor('v1.0.0');
    expect(release).toMatchObject({ draft: false, body: '## Changes\n- faster\n' });
    expect(release!.assets.map((a) => a.name)).toEqual([basename(files[0]!)]);
    // create (published) + 1 upload; nothing to publish afterwards.
    expect(result).toMatchObject({ created: true, published: true, writes: 2 });
  });

  it('rejects an unreadable notes file before any request', async () => {
    const run = publishRelease(releaseOptions(fastClient(fake), await releaseFiles(1), { notes: { kind: 'file', path: '/nonexistent/notes.md' } }));
    await expect(run).rejects.toThrow(/release\.notes: cannot read \/nonexistent\/notes\.md/);
    expect(fake.requests).toHaveLength(0);
  });
});
