// Response shapes of the GitHub fake against real recorded GitHub traffic (@octokit/fixtures scenarios
// release-assets and release-assets-conflict): same keys, same value types. The OpenAPI check alone would
// accept a fake that omits optional keys GitHub always sends; this catches that.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubFake, type GitHubFake } from './github/index.js';
import { octokitFor } from './github/octokit-for-tests.js';

interface Recorded {
  method: string;
  path: string;
  status: number;
  response: unknown;
}

const require = createRequire(import.meta.url);
function scenario(name: string): Recorded[] {
  const file = require.resolve(`@octokit/fixtures/scenarios/api.github.com/${name}/normalized-fixture.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Recorded[];
}

// Keys GitHub added after these recordings were made (2017): present in today's description, so the fake
// sends them, but absent from the recording. Anything else extra or missing fails.
const NEWER_KEYS: Record<string, string[]> = {
  release: ['immutable', 'updated_at'],
  asset: ['digest'],
  user: ['user_view_type'],
};

type Shape = Record<string, string>;

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function shape(obj: unknown): Shape {
  return Object.fromEntries(Object.entries(obj as Record<string, unknown>).map(([k, v]) => [k, kind(v)]));
}

function compare(what: keyof typeof NEWER_KEYS, ours: unknown, recorded: unknown): void {
  const a = shape(ours);
  const b = shape(recorded);
  for (const k of NEWER_KEYS[what]!) {
    expect(a, `${what}.${k} should be sent (current GitHub)`).toHaveProperty(k);
    delete a[k];
  }
  expect(a, `${what}: keys and value types differ from recorded GitHub traffic`).toEqual(b);
}

const owner = 'octokit-fixture-org';
const repo = 'release-assets';
let gh: GitHubFake;

beforeAll(async () => {
  gh = await startGitHubFake({ token: 'test-token', repos: [`${owner}/${repo}`], printViolations: false });
});
afterAll(async () => {
  await gh.close();
});

describe('shapes match recorded GitHub traffic', () => {
  const recorded = scenario('release-assets');
  const find = (method: string, re: RegExp): Recorded => {
    const hit = recorded.find((r) => r.method === method && re.test(r.path));
    if (!hit) throw new Error(`no recorded ${method} ${re} in release-assets`);
    return hit;
  };

  it('release, asset and user objects have the same keys and value types', async () => {
    const octokit = octokitFor(gh);
    // Mirror the recorded scenario: a published release with a name and a body, one labelled upload.
    const { data: release } = await octokit.rest.repos.createRelease({
      owner,
      repo,
      tag_name: 'v1.0.0',
      name: 'Version 1.0.0',
      body: 'Initial release',
    });
    const upload = await octokit.rest.repos.uploadReleaseAsset({
      owner,
      repo,
      release_id: release.id,
      name: 'test-upload.txt',
      label: 'test',
      data: 'Hello, world!\n',
      baseUrl: gh.uploadUrl,
      headers: { 'content-type': 'text/plain' },
    });
    const list = await octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: release.id });
    const get = await octokit.rest.repos.getReleaseAsset({ owner, repo, asset_id: upload.data.id });
    const patch = await octokit.rest.repos.updateReleaseAsset({ owner, repo, asset_id: upload.data.id, name: 'test-upload-renamed.txt', label: 'test' });
    const byTag = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v1.0.0' });

    const recRelease = find('get', /\/releases\/tags\/v1\.0\.0$/).response as Record<string, unknown>;
    // The recording's release has no assets yet; compare assets separately below.
    compare('release', { ...byTag.data, assets: [] }, recRelease);
    compare('user', byTag.data.author, recRelease.author);

    const recUpload = find('post', /\/assets\?name=/);
    expect(upload.status).toBe(recUpload.status);
    compare('asset', upload.data, recUpload.response);
    compare('user', upload.data.uploader, (recUpload.response as Record<string, unknown>).uploader);
    compare('asset', list.data[0], (find('get', /\/releases\/\d+\/assets$/).response as unknown[])[0]);
    compare('asset', get.data, find('get', /\/releases\/assets\/\d+$/).response);
    compare('asset', patch.data, find('patch', /\/releases\/assets\/\d+$/).response);

    const recDelete = find('delete', /\/releases\/assets\/\d+$/);
    const del = await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: upload.data.id });
    expect(del.status).toBe(recDelete.status);
    expect(gh.violations()).toEqual([]);
  });

  it('the duplicate-asset 422 has the recorded status and error body', async () => {
    const conflict = scenario('release-assets-conflict').find((r) => r.status === 422)!;
    const octokit = octokitFor(gh);
    const { data: release } = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v1.0.0' });
    const upload = () =>
      octokit.rest.repos.uploadReleaseAsset({
        owner,
        repo,
        release_id: release.id,
        name: 'test-upload.txt',
        label: 'test',
        data: 'Hello, world!\n',
        baseUrl: gh.uploadUrl,
        headers: { 'content-type': 'text/plain' },
      });
    await upload();
    const err = (await upload().catch((e: unknown) => e)) as { status: number; response: { data: Record<string, unknown> } };
    expect(err.status).toBe(conflict.status);
    const rec = conflict.response as Record<string, unknown>;
    expect(err.response.data.message).toBe(rec.message);
    expect(err.response.data.errors).toEqual(rec.errors);
    // `request_id` in the recording is a per-request id the fake has no use for; `status` is newer than it.
    expect(Object.keys(err.response.data).sort()).toEqual(
      Object.keys(rec)
        .filter((k) => k !== 'request_id')
        .concat('status')
        .sort(),
    );
    expect(gh.violations()).toEqual([]);
  });
});
