// Issue 20, "one read per upload": on a first release each file is read once, by the upload that
// streams it, and SHA256SUMS and derived files (the hub's SBOM) take the digest that read computed.
// Reads are counted with /proc/self/io's rchar (every byte read() returned to this process, page
// cache included), so the test sees reads whatever code makes them.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GitHubFake } from '../../../test/fakes/github/index.js';
import { bytesRead } from '../../../test/helpers/bytes-read.js';
import { githubFakeEachTest } from '../../../test/helpers/github-fake-each-test.js';
import { publishRelease } from './publish-release.js';
import { sha256File } from './sha256-file.js';
import { uploadAssetStream } from './upload-asset-stream.js';
import { parseSha256Sums } from './sha256sums.js';
import { fastClient, releaseOptions, TOKEN } from './test-support.js';

const MiB = 1 << 20;
let fake: GitHubFake;
githubFakeEachTest({ token: TOKEN, repos: ['acme/app'] }, (started) => (fake = started));

async function archives(count: number, size: number): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'df-one-read-'));
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `app-1.0.0-target${i}.tar.gz`);
    await writeFile(path, randomBytes(size));
    paths.push(path);
  }
  return paths;
}

describe('publishRelease reads each file once on a first release', () => {
  it('the upload hashes what it sends; the derived file and SHA256SUMS take those digests', async () => {
    const client = fastClient(fake);
    const size = 16 * MiB;
    const files = await archives(2, size);
    const derivedDir = await mkdtemp(join(tmpdir(), 'df-derived-'));
    const seenAtDerive: string[] = [];

    const before = bytesRead();
    const result = await publishRelease(
      releaseOptions(client, files, {
        derive: async (digests) => {
          // Made after the files' uploads, from the digests they computed.
          const release = fake.state.repo('acme/app')!.releases[0]!;
          seenAtDerive.push(...release.assets.filter((a) => a.state === 'uploaded').map((a) => a.name));
          const path = join(derivedDir, 'app-1.0.0.cdx.json');
          await writeFile(path, JSON.stringify(Object.fromEntries([...digests].map(([p, sha]) => [basename(p), sha]))));
          return [path];
        },
      }),
    );
    const read = bytesRead() - before;

    // The fake runs in this process and reads each upload from its socket once: 2 × the files in
    // all. Hashing each file before its upload, as before issue 20, made it 3 ×.
    const total = files.length * size;
    expect(read, `read ${(read / MiB).toFixed(1)} MiB for ${total / MiB} MiB of files`).toBeLessThan(2.5 * total);
    expect(read).toBeGreaterThan(1.5 * total); // the measure works: the uploads were counted

    expect(result.published).toBe(true);
    expect(seenAtDerive.sort()).toEqual(files.map((f) => basename(f)).sort());
    const release = fake.state.repo('acme/app')!.releases[0]!;
    const truth = new Map(await Promise.all(files.map(async (f) => [basename(f), await sha256File(f)] as const)));
    const derived = JSON.parse(await readFile(join(derivedDir, 'app-1.0.0.cdx.json'), 'utf8')) as Record<string, string>;
    expect(new Map(Object.entries(derived))).toEqual(truth);
    // SHA256SUMS lists the files and the derived file, each with the digest of what the release holds.
    const sums = parseSha256Sums(await readFile(release.assets.find((a) => a.name === 'SHA256SUMS')!.filePath!, 'utf8'));
    expect(sums.map((e) => e.name).sort()).toEqual([...files.map((f) => basename(f)), 'app-1.0.0.cdx.json'].sort());
    for (const entry of sums) expect(entry.sha256).toBe(release.assets.find((a) => a.name === entry.name)!.sha256);
    for (const [name, sha256] of truth) expect(result.assets.find((a) => a.name === name)?.sha256).toBe(sha256);

    // A re-run compares with the published release, so it hashes first: 2 reads, 0 writes.
    const requests = fake.requests.length;
    const again = await publishRelease(releaseOptions(client, files, { derive: async () => [join(derivedDir, 'app-1.0.0.cdx.json')] }));
    expect(again.writes).toBe(0);
    expect(fake.requests.length - requests).toBe(2);
  });

  it('a draft holding a file of that name: that file is read to compare, the others once', async () => {
    const client = fastClient(fake);
    const size = 8 * MiB;
    const files = await archives(3, size);
    // A run that stopped after the first upload left a draft holding it.
    const { data: draft } = await client.octokit.rest.repos.createRelease({ owner: 'acme', repo: 'app', tag_name: 'v1.0.0', draft: true });
    await uploadAssetStream({ uploadUrl: draft.upload_url, token: TOKEN, name: basename(files[0]!), path: files[0]!, size, contentType: 'application/gzip' });

    const before = bytesRead();
    const result = await publishRelease(releaseOptions(client, files));
    const read = bytesRead() - before;
    expect(result.published).toBe(true);
    // files[0]: hashed to compare, then skipped (1 ×); files[1..2]: uploaded (file + socket, 2 × each).
    expect(read / MiB).toBeGreaterThan(4.5 * (size / MiB));
    expect(read / MiB).toBeLessThan(5.5 * (size / MiB));
    expect(result.actions.filter((a) => a.startsWith('uploaded'))).toEqual([`uploaded ${basename(files[1]!)}`, `uploaded ${basename(files[2]!)}`, 'uploaded SHA256SUMS']);
  });
});
