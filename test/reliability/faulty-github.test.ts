import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { createBareRepo, type BareRepo } from '../../packages/platforms/src/git-remote/test-support.js';
import { assertReachable, testServices } from '../helpers/services.js';
import { fastClient, releaseInProcess, releasesOf, reliabilityRuns, RELIABILITY_TOKEN, standInArtifacts } from './release-project.js';

// Issue 10 item 1a: N releases of a small project (hub + a scoop bucket on the real git server)
// against a GitHub fake that fails about one request in five in every way the client must survive.
// Every release must complete, with one release per tag, one copy of each asset, and the same
// digests in every run.

const RUNS = reliabilityRuns(10);
const SEED = Number(process.env.DEPLOYFORGE_RELIABILITY_SEED ?? 20261121);
const TARGETS = ['linux-x64', 'macos-arm64', 'windows-x64'] as const;
const services = testServices();
let gh: GitHubFake;
let artifacts: string;
const buckets: BareRepo[] = [];

beforeAll(async () => {
  await assertReachable('git HTTP server', services.DEPLOYFORGE_TEST_GIT_HTTP);
  gh = await startGitHubFake({ token: RELIABILITY_TOKEN, seed: SEED });
  artifacts = await standInArtifacts('flaky-forge', '1.0.0', TARGETS);
});
afterAll(async () => {
  await gh?.close();
  for (const b of buckets) b.remove();
});

/** About 20% of requests hit a fault, split across the kinds DESIGN.md's Reliability section names. */
function injectFaults(): void {
  gh.faults.clear();
  const any = /.*/;
  gh.faults.add({ kind: 'starter502', method: 'POST', path: /^\/uploads\//, probability: 0.12, name: 'starter502' });
  gh.faults.add({ kind: 'status', status: 502, path: any, probability: 0.05, name: '502' });
  gh.faults.add({ kind: 'status', status: 503, path: any, probability: 0.04, name: '503' });
  gh.faults.add({ kind: 'status', status: 500, method: 'GET', path: any, probability: 0.04, name: '500' });
  gh.faults.add({ kind: 'status', status: 429, retryAfter: 0, path: any, probability: 0.05, name: '429' });
  gh.faults.add({ kind: 'reset', during: 'request', afterBytes: 1024, path: any, probability: 0.03, name: 'reset-request' });
  // The answer lost after the server did the work: API answers and asset downloads alike (a cut
  // download is also tested on its own below, "a download cut short").
  gh.faults.add({ kind: 'reset', during: 'response', afterBytes: 10, method: 'GET', path: any, probability: 0.03, name: 'reset-response' });
  gh.faults.add({ kind: 'reset', during: 'response', afterBytes: 10, method: 'POST', path: any, probability: 0.02, name: 'reset-response-write' });
  gh.faults.add({ kind: 'latency', ms: 30, path: any, probability: 0.05, name: 'latency' });
}

describe(`${RUNS} local releases against a GitHub fake with ~20% faults (seed ${SEED})`, () => {
  test('every release completes, once, with identical digests', async () => {
    injectFaults();
    const digests: string[] = [];
    let faultsFired = 0;
    for (let i = 0; i < RUNS; i++) {
      const repository = `acme/flaky-forge-${i}`;
      const bucket = await createBareRepo(services, 'rel-bucket');
      buckets.push(bucket);
      const dir = mkdtempSync(join(tmpdir(), 'df-rel-a-'));
      const configPath = join(dir, 'deployforge.yml');
      writeFileSync(configPath, [
        `project: { name: flaky-forge, repository: ${repository}, license: MIT, description: A flaky test, homepage: https://example.test/ }`,
        `build: { binary: flaky-forge, targets: [${TARGETS.join(', ')}] }`,
        'release: { notes: none, sbom: false, attest: false }',
        `platforms:\n  scoop: { bucket: ${bucket.httpUrl} }`,
        '',
      ].join('\n'));
      const before = gh.requests.length;
      const result = await releaseInProcess({
        configPath, version: '1.0.0', artifacts, client: fastClient(gh),
        env: { GITHUB_REPOSITORY: repository, GITHUB_SERVER_URL: gh.url, SCOOP_BUCKET_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN, PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir },
      });
      faultsFired += gh.requests.slice(before).filter((r) => r.faults.length > 0).length;

      expect(result.hub?.published, `run ${i}: hub`).toBe(true);
      expect(result.outcomes.map((o) => [o.key, o.status, o.detail]), `run ${i}: spokes`).toEqual([['scoop', 'published', expect.anything()]]);
      const releases = releasesOf(gh, repository, 'v1.0.0');
      expect(releases, `run ${i}: exactly one release for the tag`).toHaveLength(1);
      const assets = releases[0]!.assets;
      expect(releases[0]!.draft).toBe(false);
      expect(assets.every((a) => a.state === 'uploaded'), `run ${i}: no starter left`).toBe(true);
      expect(new Set(assets.map((a) => a.name)).size, `run ${i}: one copy of each asset`).toBe(assets.length);
      expect(assets.map((a) => a.name).sort()).toEqual(['SHA256SUMS', ...TARGETS.map((t) => `flaky-forge-1.0.0-${t}.${t.startsWith('windows') ? 'zip' : 'tar.gz'}`)].sort());
      digests.push(JSON.stringify(assets.map((a) => [a.name, a.sha256]).sort()));
      expect(await bucket.commits(), `run ${i}: one bucket commit`).toBe(1);
    }
    expect(new Set(digests).size, 'every run uploaded the same bytes').toBe(1);
    const total = gh.requests.length;
    process.stderr.write(`[reliability a] ${RUNS} releases, ${total} requests, ${faultsFired} faults fired (${((100 * faultsFired) / total).toFixed(1)}%), all converged\n`);
    // Enough faults actually fired for the run to mean something.
    expect(faultsFired / total).toBeGreaterThan(0.1);
    expect(gh.violations()).toEqual([]);
  }, 600_000);
});

describe('a write whose answer is lost (the server did the work, the client saw a reset)', () => {
  test.each([
    ['creating the draft', 'POST', /\/releases$/],
    ['uploading an asset', 'POST', /^\/uploads\//],
    ['publishing the draft', 'PATCH', /\/releases\/\d+$/],
  ] as const)('%s: still one release, one copy of each asset', async (_what, method, path) => {
    const fake = await startGitHubFake({ token: RELIABILITY_TOKEN });
    try {
      const rule = fake.faults.add({ kind: 'reset', during: 'response', afterBytes: 5, method, path, times: 1 });
      const dir = mkdtempSync(join(tmpdir(), 'df-rel-lost-'));
      writeFileSync(join(dir, 'deployforge.yml'), 'project: { name: flaky-forge, repository: acme/lost }\nbuild: { targets: [linux-x64, macos-arm64, windows-x64] }\nrelease: { notes: none, sbom: false }\nplatforms: {}\n');
      const result = await releaseInProcess({ configPath: join(dir, 'deployforge.yml'), version: '1.0.0', artifacts, client: fastClient(fake), env: { GITHUB_REPOSITORY: 'acme/lost' } });
      expect(rule.fired).toBe(1);
      expect(result.hub?.published).toBe(true);
      const releases = releasesOf(fake, 'acme/lost', 'v1.0.0');
      expect(releases).toHaveLength(1);
      expect(releases[0]!.draft).toBe(false);
      const names = releases[0]!.assets.map((a) => a.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toHaveLength(TARGETS.length + 1);
    } finally {
      await fake.close();
    }
  });
});

describe('a download cut short', () => {
  // Found by this suite at 60 runs (seed 20261121): a SHA256SUMS download cut mid-body used to be
  // taken as the whole file, so the complete release "lacked" every archive. readReleaseSums now
  // checks the bytes against the asset's size and digest and retries.
  test('a truncated SHA256SUMS download is retried, and the spokes get the release', async () => {
    const fake = await startGitHubFake({ token: RELIABILITY_TOKEN });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'df-rel-cut-'));
      writeFileSync(join(dir, 'deployforge.yml'), 'project: { name: flaky-forge, repository: acme/cut }\nbuild: { targets: [linux-x64, macos-arm64, windows-x64] }\nrelease: { notes: none, sbom: false }\nplatforms: {}\n');
      // The first asset download after the hub is done: the spokes' read of SHA256SUMS.
      const rule = fake.faults.add({ kind: 'reset', during: 'response', afterBytes: 10, method: 'GET', path: /^\/storage\/assets\//, times: 1 });
      await releaseInProcess({ configPath: join(dir, 'deployforge.yml'), version: '1.0.0', artifacts, client: fastClient(fake), env: { GITHUB_REPOSITORY: 'acme/cut' } });
      expect(rule.fired).toBe(1);
    } finally {
      await fake.close();
    }
  });
});
