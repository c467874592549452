// The GitHub fake, driven by the real @octokit/rest we ship: lifecycle, GitHub's quirks that our release
// client relies on (drafts, 422s), auth, and proof that OpenAPI validation can actually fail.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubFake, type GitHubFake } from './github/index.js';
import { octokitFor } from './github/octokit-for-tests.js';

const owner = 'octo';
const repo = 'app';
let gh: GitHubFake;

beforeEach(async () => {
  gh = await startGitHubFake({ token: 'test-token', repos: [`${owner}/${repo}`], printViolations: false });
});
afterEach(async () => {
  await gh.close();
});

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (err) {
    return (err as { status: number }).status;
  }
}

describe('release lifecycle through @octokit/rest', () => {
  it('creates a draft, uploads, lists, publishes, downloads, with zero violations', async () => {
    const octokit = octokitFor(gh);
    const created = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1.2.3', name: 'v1.2.3', draft: true });
    expect(created.status).toBe(201);
    expect(created.data.draft).toBe(true);
    expect(created.data.upload_url).toMatch(new RegExp(`^${gh.uploadUrl}/repos/octo/app/releases/\\d+/assets\\{\\?name,label\\}$`));

    const bytes = Buffer.from('binary contents\n');
    // As GitHub documents: the upload goes to the origin in upload_url; here via baseUrl…
    const up1 = await octokit.rest.repos.uploadReleaseAsset({
      owner,
      repo,
      release_id: created.data.id,
      name: 'app-1.2.3-linux-x64.tar.gz',
      data: bytes as unknown as string,
      baseUrl: gh.uploadUrl,
      headers: { 'content-type': 'application/gzip', 'content-length': bytes.length },
    });
    expect(up1.status).toBe(201);
    expect(up1.data).toMatchObject({ state: 'uploaded', size: bytes.length, content_type: 'application/gzip' });
    expect(up1.data.digest).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);

    // …and via the upload_url template itself.
    const up2 = await octokit.request({
      method: 'POST',
      url: created.data.upload_url,
      name: 'SHA256SUMS',
      label: 'checksums',
      data: 'abc  app\n',
      headers: { 'content-type': 'text/plain' },
    });
    expect(up2.status).toBe(201);
    expect(up2.data.label).toBe('checksums');

    // Bytes on disk, sha256 in state.
    const stored = gh.state.asset(up1.data.id)!.asset;
    expect(await readFile(stored.filePath!)).toEqual(bytes);
    expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    const assets = await octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: created.data.id });
    expect(assets.data.map((a) => a.name)).toEqual(['app-1.2.3-linux-x64.tar.gz', 'SHA256SUMS']);

    // Draft assets download only with credentials.
    const draftUrl = up1.data.browser_download_url;
    expect((await fetch(draftUrl)).status).toBe(404);
    const authed = await fetch(draftUrl, { headers: { authorization: 'token test-token' } });
    expect(Buffer.from(await authed.arrayBuffer())).toEqual(bytes);

    const published = await octokit.rest.repos.updateRelease({ owner, repo, release_id: created.data.id, draft: false, make_latest: 'true' });
    expect(published.data.draft).toBe(false);
    expect(published.data.published_at).not.toBeNull();
    const byTag = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v1.2.3' });
    expect(byTag.data.id).toBe(created.data.id);
    expect((await octokit.rest.repos.getLatestRelease({ owner, repo })).data.id).toBe(created.data.id);

    const publicUrl = byTag.data.assets[0]!.browser_download_url;
    expect(publicUrl).toContain('/releases/download/v1.2.3/');
    const download = await fetch(publicUrl);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);

    // API download: octet-stream redirects to storage, as GitHub does.
    const viaApi = await octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner,
      repo,
      asset_id: up1.data.id,
      headers: { accept: 'application/octet-stream' },
    });
    expect(Buffer.from(viaApi.data as unknown as ArrayBuffer)).toEqual(bytes);

    const renamed = await octokit.rest.repos.updateReleaseAsset({ owner, repo, asset_id: up2.data.id, name: 'SHA256SUMS.txt' });
    expect(renamed.data.name).toBe('SHA256SUMS.txt');
    await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: up2.data.id });
    const notes = await octokit.rest.repos.generateReleaseNotes({ owner, repo, tag_name: 'v1.2.4' });
    expect(notes.data).toMatchObject({ name: 'v1.2.4' });
    expect(notes.data.body).toContain('v1.2.3...v1.2.4');
    await octokit.rest.repos.deleteRelease({ owner, repo, release_id: created.data.id });
    expect(gh.state.repo('octo/app')!.releases).toEqual([]);

    expect(gh.violations()).toEqual([]);
    // create, 2 uploads, publish, rename, delete asset, delete release (generate-notes is not a write).
    expect(gh.writeCount()).toBe(7);
  });

  it('streams a large upload to disk with the right size and sha256', async () => {
    const octokit = octokitFor(gh);
    const { data: release } = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v2.0.0', draft: true });
    const chunk = Buffer.alloc(1 << 20, 7);
    const chunks = 24;
    const hash = createHash('sha256');
    for (let i = 0; i < chunks; i++) hash.update(chunk);
    const uploadUrl = new URL(`${gh.uploadUrl}/repos/${owner}/${repo}/releases/${release.id}/assets?name=big.bin`);
    // Our client's way: a stream piped into http.request with an explicit Content-Length.
    const body = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        uploadUrl,
        {
          method: 'POST',
          headers: {
            authorization: 'token test-token',
            'content-type': 'application/octet-stream',
            'content-length': String(chunk.length * chunks),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      Readable.from((function* () {
        for (let i = 0; i < chunks; i++) yield chunk;
      })()).pipe(req);
    });
    const asset = JSON.parse(body) as { size: number; digest: string; state: string };
    expect(asset).toMatchObject({ size: chunk.length * chunks, state: 'uploaded', digest: `sha256:${hash.digest('hex')}` });
    expect(gh.violations()).toEqual([]);
  });

  it('paginates list with per_page/page and a Link header, drafts included', async () => {
    const octokit = octokitFor(gh);
    for (let i = 0; i < 5; i++) await octokit.rest.repos.createRelease({ owner, repo, tag_name: `v0.${i}.0`, draft: i % 2 === 0 });
    const first = await octokit.rest.repos.listReleases({ owner, repo, per_page: 2 });
    expect(first.data.map((r) => r.tag_name)).toEqual(['v0.4.0', 'v0.3.0']);
    expect(first.headers.link).toContain('rel="next"');
    expect(first.headers.link).toContain('page=3>; rel="last"');
    const all = await octokit.paginate(octokit.rest.repos.listReleases, { owner, repo, per_page: 2 });
    expect(all).toHaveLength(5);
    expect(all.filter((r) => r.draft)).toHaveLength(3);
    expect(gh.violations()).toEqual([]);
  });
});

describe("GitHub's quirks", () => {
  it('get-by-tag never returns drafts; two drafts may share a tag', async () => {
    const octokit = octokitFor(gh);
    const a = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0', draft: true });
    const b = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0', draft: true });
    expect(a.data.id).not.toBe(b.data.id);
    expect(await status(octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v1.0.0' }))).toBe(404);
    const listed = await octokit.rest.repos.listReleases({ owner, repo });
    expect(listed.data.filter((r) => r.tag_name === 'v1.0.0')).toHaveLength(2);
    expect(gh.violations()).toEqual([]);
  });

  it('422 already_exists for a second published release with one tag, also when publishing a draft', async () => {
    const octokit = octokitFor(gh);
    await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0' });
    const err = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0' }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 422,
      response: { data: { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] } },
    });
    const draft = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0', draft: true });
    expect(await status(octokit.rest.repos.updateRelease({ owner, repo, release_id: draft.data.id, draft: false }))).toBe(422);
    expect(gh.violations()).toEqual([]);
  });

  it('422 already_exists for a duplicate asset name', async () => {
    const octokit = octokitFor(gh);
    const { data: release } = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0', draft: true });
    const upload = () =>
      octokit.rest.repos.uploadReleaseAsset({
        owner,
        repo,
        release_id: release.id,
        name: 'a.txt',
        data: 'x',
        baseUrl: gh.uploadUrl,
        headers: { 'content-type': 'text/plain' },
      });
    await upload();
    const err = await upload().catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 422,
      response: { data: { message: 'Validation Failed', errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }] } },
    });
    expect(gh.violations()).toEqual([]);
  });

  it('401 with a GitHub-shaped body for a wrong token, Bearer accepted', async () => {
    expect(await status(octokitFor(gh, 'wrong').rest.repos.listReleases({ owner, repo }))).toBe(401);
    const res = await fetch(`${gh.url}/repos/${owner}/${repo}/releases`, { headers: { authorization: 'Bearer test-token' } });
    expect(res.status).toBe(200);
    const bad = await fetch(`${gh.url}/repos/${owner}/${repo}/releases`);
    expect(await bad.json()).toMatchObject({ message: 'Bad credentials', status: '401' });
  });

  it('404 for a repo that does not exist', async () => {
    expect(await status(octokitFor(gh).rest.repos.listReleases({ owner, repo: 'nope' }))).toBe(404);
    expect(gh.violations()).toEqual([]);
  });
});

describe('OpenAPI validation can fail', () => {
  it('flags a create-release without tag_name', async () => {
    const octokit = octokitFor(gh);
    // Deliberately malformed: the types would stop us, the fake must too.
    const malformed = { owner, repo, name: 'no tag' } as unknown as { owner: string; repo: string; tag_name: string };
    const err = await octokit.request('POST /repos/{owner}/{repo}/releases', malformed).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 422 });
    expect(gh.violations()).toEqual([expect.stringMatching(/POST \/repos\/octo\/app\/releases: request body must have required property 'tag_name'/)]);
    expect(gh.state.repo('octo/app')!.releases).toHaveLength(0);
    expect(gh.requests.at(-1)!.validationErrors).toHaveLength(1);
  });

  it('flags a wrong type, an unknown query parameter and an endpoint GitHub does not have', async () => {
    const octokit = octokitFor(gh);
    const wrongType = { owner, repo, tag_name: 'v1', draft: 'yes' } as unknown as { owner: string; repo: string; tag_name: string };
    await octokit.request('POST /repos/{owner}/{repo}/releases', wrongType).catch(() => {});
    await octokit.request('GET /repos/{owner}/{repo}/releases', { owner, repo, perpage: 5 });
    await octokit.request('GET /repos/{owner}/{repo}/releases/by-name/{name}', { owner, repo, name: 'x' }).catch(() => {});
    const v = gh.violations();
    expect(v).toHaveLength(3);
    expect(v[0]).toMatch(/body\/draft must be boolean/);
    expect(v[1]).toMatch(/unknown parameter "perpage"/);
    expect(v[2]).toMatch(/no api operation in GitHub's description matches GET/);
  });

  it('flags a response that breaks the description', async () => {
    const octokit = octokitFor(gh);
    const { data } = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1' });
    // Corrupt the state behind the fake's back: the response check must notice.
    gh.state.release(data.id)!.release.tagName = 42 as unknown as string;
    await octokit.rest.repos.getRelease({ owner, repo, release_id: data.id });
    expect(gh.violations()).toEqual([expect.stringMatching(/response 200\/tag_name must be string/)]);
  });
});
