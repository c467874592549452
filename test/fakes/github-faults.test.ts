// Fault injection of the GitHub fake: each kind fires as specified (count, seeded probability, skip),
// and the broken states it leaves are the ones GitHub leaves.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubFake, type GitHubFake } from './github/index.js';
import { octokitFor } from './github/octokit-for-tests.js';

const owner = 'octo';
const repo = 'app';
let gh: GitHubFake;

beforeEach(async () => {
  gh = await startGitHubFake({ token: 'test-token', repos: [`${owner}/${repo}`], seed: 7, printViolations: false });
});
afterEach(async () => {
  await gh.close();
});

async function outcome(p: Promise<{ status: number }>): Promise<number | string> {
  try {
    return (await p).status;
  } catch (err) {
    // Octokit reports a connection failure as status 500 without a response: tell the two apart.
    const e = err as { status?: number; message?: string; response?: unknown };
    return e.response ? (e.status ?? 0) : `error: ${e.message}`;
  }
}

/** Streams `size` bytes to the upload endpoint with http.request, as our release client does. */
function rawUpload(fake: GitHubFake, releaseId: number, name: string, size: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${fake.uploadUrl}/repos/${owner}/${repo}/releases/${releaseId}/assets?name=${encodeURIComponent(name)}`,
      {
        method: 'POST',
        headers: { authorization: 'token test-token', 'content-type': 'application/octet-stream', 'content-length': String(size) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 1);
    let left = size;
    const pump = (): void => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!req.write(chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

async function draft(tag = 'v1.0.0'): Promise<number> {
  return (await octokitFor(gh).rest.repos.createRelease({ owner, repo, tag_name: tag, draft: true })).data.id;
}

describe('status faults', () => {
  it('fires exactly `times` times, then lets requests through', async () => {
    const rule = gh.faults.add({ kind: 'status', status: 503, method: 'GET', path: /\/releases$/, times: 2 });
    const octokit = octokitFor(gh);
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await outcome(octokit.rest.repos.listReleases({ owner, repo })));
    expect(seen).toEqual([503, 503, 200, 200]);
    expect(rule).toMatchObject({ matched: 4, fired: 2 });
    expect(gh.requests.filter((r) => r.faults.includes('status'))).toHaveLength(2);
    expect(gh.violations()).toEqual([]);
  });

  it('skip lets the first matches through ("fail the second upload")', async () => {
    const id = await draft();
    gh.faults.add({ kind: 'status', status: 500, method: 'POST', path: '^/uploads/', skip: 1, times: 1 });
    expect((await rawUpload(gh, id, 'a', 10)).status).toBe(201);
    expect((await rawUpload(gh, id, 'b', 10)).status).toBe(500);
    expect((await rawUpload(gh, id, 'b', 10)).status).toBe(201);
  });

  it('probability draws from the seeded PRNG: same seed, same sequence', async () => {
    const run = async (fake: GitHubFake): Promise<(number | string)[]> => {
      fake.faults.add({ kind: 'status', status: 502, path: /\/releases$/, probability: 0.4 });
      const octokit = octokitFor(fake);
      const out = [];
      for (let i = 0; i < 30; i++) out.push(await outcome(octokit.rest.repos.listReleases({ owner, repo })));
      return out;
    };
    const first = await run(gh);
    const twin = await startGitHubFake({ token: 'test-token', repos: [`${owner}/${repo}`], seed: 7, printViolations: false });
    const other = await startGitHubFake({ token: 'test-token', repos: [`${owner}/${repo}`], seed: 8, printViolations: false });
    try {
      expect(await run(twin)).toEqual(first);
      expect(await run(other)).not.toEqual(first);
    } finally {
      await twin.close();
      await other.close();
    }
    const failures = first.filter((s) => s === 502).length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(27);
    expect(gh.faults.rules[0]!.fired).toBe(failures);
  });

  it('429 and secondary-rate-limit 403 carry retry-after and GitHub wording; primary 403 carries x-ratelimit-*', async () => {
    const octokit = octokitFor(gh);
    gh.faults.add({ kind: 'status', status: 429, path: /releases$/, times: 1, retryAfter: 3 });
    gh.faults.add({ kind: 'status', status: 403, path: /releases$/, times: 1, retryAfter: 1 });
    gh.faults.add({ kind: 'status', status: 403, path: /releases$/, times: 1, rateLimit: 'primary', retryAfter: 30 });
    const errors = [];
    for (let i = 0; i < 3; i++) errors.push(await octokit.rest.repos.listReleases({ owner, repo }).catch((e: unknown) => e));
    expect(errors[0]).toMatchObject({ status: 429, response: { headers: { 'retry-after': '3' } } });
    expect(errors[1]).toMatchObject({ status: 403, response: { headers: { 'retry-after': '1' }, data: { message: expect.stringContaining('secondary rate limit') } } });
    expect(errors[2]).toMatchObject({ status: 403, response: { headers: { 'x-ratelimit-remaining': '0' }, data: { message: expect.stringContaining('API rate limit exceeded') } } });
    const reset = Number((errors[2] as { response: { headers: Record<string, string> } }).response.headers['x-ratelimit-reset']);
    expect(reset).toBeGreaterThan(Date.now() / 1000 + 20);
    expect(gh.violations()).toEqual([]);
  });
});

describe('starter502', () => {
  it('leaves a starter asset that blocks the name until deleted', async () => {
    const id = await draft();
    const octokit = octokitFor(gh);
    gh.faults.add({ kind: 'starter502', method: 'POST', path: /\/assets$/, times: 1 });
    expect((await rawUpload(gh, id, 'app.tar.gz', 1000)).status).toBe(502);

    const { data: assets } = await octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: id });
    expect(assets).toMatchObject([{ name: 'app.tar.gz', state: 'starter', size: 0, digest: null }]);
    const retry = await rawUpload(gh, id, 'app.tar.gz', 1000);
    expect(retry.status).toBe(422);
    expect(JSON.parse(retry.body)).toMatchObject({ errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }] });

    await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: assets[0]!.id });
    const again = await rawUpload(gh, id, 'app.tar.gz', 1000);
    expect(again.status).toBe(201);
    expect(JSON.parse(again.body)).toMatchObject({ state: 'uploaded', size: 1000 });
    expect(gh.violations()).toEqual([]);
  });
});

describe('corrupt and stripDigests (a server that damages bytes and one that hides digests)', () => {
  it.each([
    ['flip', 1000],
    ['truncate', 500],
  ] as const)('corrupt %s answers 201 but stores other bytes, and the digest is of what is stored', async (mode, storedSize) => {
    const id = await draft();
    gh.faults.add({ kind: 'corrupt', mode, method: 'POST', path: '^/uploads/', times: 1 });
    const answer = await rawUpload(gh, id, 'app.tar.gz', 1000);
    expect(answer.status).toBe(201);
    const sent = createHash('sha256').update(Buffer.alloc(1000, 1)).digest('hex');
    const stored = gh.state.release(id)!.release.assets[0]!;
    expect(stored).toMatchObject({ state: 'uploaded', size: storedSize });
    expect(stored.sha256).not.toBe(sent);
    expect(createHash('sha256').update(readFileSync(stored.filePath!)).digest('hex')).toBe(stored.sha256);
    expect(JSON.parse(answer.body)).toMatchObject({ size: storedSize, digest: `sha256:${stored.sha256}` });
    // The next upload is stored as sent.
    expect((await rawUpload(gh, id, 'b.tar.gz', 1000)).status).toBe(201);
    expect(gh.state.release(id)!.release.assets[1]!.sha256).toBe(sent);
    expect(gh.violations()).toEqual([]);
  });

  it('stripDigests answers digest: null in every listing and upload answer, switchable at any time', async () => {
    const id = await draft();
    gh.quirks.stripDigests = true;
    expect(JSON.parse((await rawUpload(gh, id, 'a.bin', 10)).body)).toMatchObject({ digest: null, size: 10 });
    const octokit = octokitFor(gh);
    expect((await octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: id })).data).toMatchObject([{ digest: null }]);
    gh.quirks.stripDigests = false;
    expect((await octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: id })).data[0]!.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(gh.violations()).toEqual([]);
  });
});

describe('reset', () => {
  it('mid-upload: the client sees a connection error and a starter asset remains', async () => {
    const id = await draft();
    gh.faults.add({ kind: 'reset', method: 'POST', path: '^/uploads/', afterBytes: 256 * 1024, times: 1 });
    await expect(rawUpload(gh, id, 'big.bin', 4 * 1024 * 1024)).rejects.toThrow(/ECONNRESET|socket hang up|EPIPE/);
    // The asset is `starter` from the first byte and only becomes `uploaded` on a complete body, so this holds
    // whenever the server gets round to noticing the dead socket.
    const release = gh.state.release(id)!.release;
    expect(release.assets).toMatchObject([{ name: 'big.bin', state: 'starter', filePath: null, sha256: null }]);
    expect(gh.requests.at(-1)).toMatchObject({ status: 0, faults: ['reset'] });
    expect(gh.writeCount()).toBe(1); // only the release creation
  });

  it('before the body: the request never reaches the handler', async () => {
    gh.faults.add({ kind: 'reset', method: 'POST', path: /\/releases$/, times: 1 });
    const octokit = octokitFor(gh);
    expect(String(await outcome(octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1' })))).toMatch(/error/);
    expect(gh.state.repo('octo/app')!.releases).toHaveLength(0);
  });

  it('mid-response: the write happened but the answer is lost (the re-run must converge)', async () => {
    gh.faults.add({ kind: 'reset', during: 'response', method: 'POST', path: /\/releases$/, afterBytes: 100, times: 1 });
    const octokit = octokitFor(gh);
    // A JSON body cut short does not make @octokit/request throw: it hands back the partial text as `data`
    // with the status from the headers. Our client must check that `data` is an object.
    const res = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1', draft: true }).catch((e: unknown) => e);
    expect(res).toMatchObject({ status: 201, data: expect.any(String) });
    expect(gh.state.repo('octo/app')!.releases).toHaveLength(1);
    expect(gh.writeCount()).toBe(1);
    expect(gh.requests.at(-1)!.faults).toEqual(['reset']);
  });

  it('mid-download: the stream is cut short', async () => {
    const id = await draft();
    expect((await rawUpload(gh, id, 'f.bin', 500_000)).status).toBe(201);
    const url = gh.state.release(id)!.release.urlTag;
    gh.faults.add({ kind: 'reset', during: 'response', path: '^/download/', afterBytes: 1000, times: 1 });
    const res = await fetch(`${gh.url}/download/${owner}/${repo}/releases/download/${url}/f.bin`, {
      headers: { authorization: 'token test-token' },
    });
    await expect(res.arrayBuffer()).rejects.toThrow();
  });
});

describe('latency', () => {
  it('delays matching requests and composes with a terminal fault', async () => {
    gh.faults.add({ kind: 'latency', ms: 150, path: /\/releases$/, times: 2 });
    gh.faults.add({ kind: 'status', status: 500, path: /\/releases$/, times: 1 });
    const octokit = octokitFor(gh);
    const t0 = performance.now();
    expect(await outcome(octokit.rest.repos.listReleases({ owner, repo }))).toBe(500);
    const t1 = performance.now();
    expect(await outcome(octokit.rest.repos.listReleases({ owner, repo }))).toBe(200);
    const t2 = performance.now();
    expect(await outcome(octokit.rest.repos.listReleases({ owner, repo }))).toBe(200);
    const t3 = performance.now();
    expect(t1 - t0).toBeGreaterThanOrEqual(140);
    expect(t2 - t1).toBeGreaterThanOrEqual(140);
    expect(t3).toBeGreaterThan(t2); // no upper bound on timing (loaded CI); the fault log below proves no delay
    expect(gh.requests.map((r) => r.faults)).toEqual([['latency', 'status'], ['latency'], []]);
  });

  it('clear() removes every rule', async () => {
    gh.faults.add({ kind: 'status', status: 500, path: '.' });
    gh.faults.clear();
    expect(await outcome(octokitFor(gh).rest.repos.listReleases({ owner, repo }))).toBe(200);
  });
});
