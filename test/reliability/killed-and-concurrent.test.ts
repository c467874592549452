import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StatusDocument } from '@deployforge/status';
import { seededRandom, startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { createBareRepo, type BareRepo } from '../../packages/platforms/src/git-remote/test-support.js';
import { assertReachable, testServices } from '../helpers/services.js';
import { childProject, spawnRelease, waitForRequests } from './release-child.js';
import { releasesOf, reliabilityRuns, RELIABILITY_TOKEN, standInArtifacts } from './release-project.js';

// Issue 10 items 1b and 1c, with real `deployforge release` child processes (the committed bundle):
// SIGKILL at a random point of the hub, then a re-run, must converge; two processes releasing one
// version at once must leave one release and one copy of everything.

const TARGETS = ['linux-x64', 'macos-arm64', 'windows-x64'] as const;
const KILLS = reliabilityRuns(2);
const SEED = Number(process.env.DEPLOYFORGE_RELIABILITY_SEED ?? 20261121);
const services = testServices();
let gh: GitHubFake;
let artifacts: string;
const repos: BareRepo[] = [];

beforeAll(async () => {
  await assertReachable('git HTTP server', services.DEPLOYFORGE_TEST_GIT_HTTP);
  gh = await startGitHubFake({ token: RELIABILITY_TOKEN });
  artifacts = await standInArtifacts('killed-forge', '1.0.0', TARGETS);
});
afterAll(async () => {
  await gh?.close();
  for (const r of repos) r.remove();
});

async function remotes(): Promise<{ bucket: BareRepo; tap: BareRepo }> {
  const bucket = await createBareRepo(services, 'rel-kill-bucket');
  const tap = await createBareRepo(services, 'rel-kill-tap');
  repos.push(bucket, tap);
  return { bucket, tap };
}

/** The converged end state: one published release, one uploaded copy of each asset, each remote one commit. */
async function expectConverged(repository: string, bucket: BareRepo, tap: BareRepo, label: string): Promise<void> {
  const releases = releasesOf(gh, repository, 'v1.0.0');
  expect(releases, `${label}: one release`).toHaveLength(1);
  expect(releases[0]!.draft, `${label}: published`).toBe(false);
  const names = releases[0]!.assets.map((a) => a.name);
  expect(new Set(names).size, `${label}: one copy of each asset (${names.join(', ')})`).toBe(names.length);
  expect(names.sort()).toEqual(['SHA256SUMS', 'killed-forge-1.0.0-linux-x64.tar.gz', 'killed-forge-1.0.0-macos-arm64.tar.gz', 'killed-forge-1.0.0-windows-x64.zip']);
  expect(releases[0]!.assets.every((a) => a.state === 'uploaded'), `${label}: no starter asset left`).toBe(true);
  expect(await bucket.commits(), `${label}: one bucket commit`).toBe(1);
  expect(await tap.commits(), `${label}: one tap commit`).toBe(1);
  expect(await bucket.show('bucket/killed-forge.json'), `${label}: manifest`).toContain('"version": "1.0.0"');
  expect(await tap.show('Formula/killed-forge.rb'), `${label}: formula`).toContain('version "1.0.0"');
}

function statusOf(stdout: string): StatusDocument {
  return JSON.parse(stdout) as StatusDocument;
}

describe(`kill -9 of deployforge release at ${KILLS} random point(s), then a re-run (seed ${SEED})`, () => {
  const random = seededRandom(SEED);
  // 0: after the draft exists; 1..3: after that many uploads; 4: after SHA256SUMS; 5: once published (spokes running).
  const points = Array.from({ length: KILLS }, () => Math.floor(random() * 6));

  test.each(points.map((k, i) => [i, k] as const))('kill %i: after stage %i', async (i, k) => {
    const repository = `acme/killed-${i}-${k}`;
    const { bucket, tap } = await remotes();
    const cwd = childProject(repository, TARGETS, bucket, tap);
    const first = spawnRelease({ cwd, gh, services, artifacts, repository });
    const reached = await waitForRequests(gh, () => {
      const r = releasesOf(gh, repository, 'v1.0.0');
      if (k === 5) return r.some((x) => !x.draft);
      return r.length > 0 && r[0]!.assets.filter((a) => a.state === 'uploaded').length >= k;
    }, first.child);
    expect(reached, `the first run got to stage ${k} before it ended`).toBe(true);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');

    const second = spawnRelease({ cwd, gh, services, artifacts, repository });
    const rerun = await second.done;
    expect(rerun.code, rerun.stderr).toBe(0);
    const status = statusOf(rerun.stdout);
    for (const [id, p] of Object.entries(status.platforms)) expect(['published', 'skipped'], `${id}: ${p.detail}`).toContain(p.status);
    await expectConverged(repository, bucket, tap, `killed at stage ${k}`);

    // And a third run finds everything done: no write at the GitHub fake, no new commit.
    const writes = gh.writeCount();
    const third = await spawnRelease({ cwd, gh, services, artifacts, repository }).done;
    expect(third.code, third.stderr).toBe(0);
    expect(gh.writeCount()).toBe(writes);
    await expectConverged(repository, bucket, tap, 'third run');
  }, 120_000);
});

describe('two deployforge release processes for one version at once', () => {
  test('one release, one copy of each asset, every spoke published or skipped', async () => {
    const repository = 'acme/concurrent';
    const { bucket, tap } = await remotes();
    const cwdA = childProject(repository, TARGETS, bucket, tap);
    const cwdB = childProject(repository, TARGETS, bucket, tap);
    const [a, b] = await Promise.all([
      spawnRelease({ cwd: cwdA, gh, services, artifacts, repository }).done,
      spawnRelease({ cwd: cwdB, gh, services, artifacts, repository }).done,
    ]);
    process.stderr.write(`[reliability c] exit codes ${a.code} and ${b.code}\n`);
    for (const [name, run] of [['A', a], ['B', b]] as const) {
      expect(run.stderr, `${name}: no stack trace`).not.toMatch(/\n\s+at .+:\d+:\d+/);
      if (run.code !== 0) {
        // The only acceptable failure is a clean conflict that says to re-run.
        expect(run.stderr, `${name} failed: ${run.stderr}`).toMatch(/conflict|already|re-run|another/i);
      } else {
        for (const [id, p] of Object.entries(statusOf(run.stdout).platforms)) expect(['published', 'skipped'], `${name} ${id}: ${p.detail}`).toContain(p.status);
      }
    }
    expect([a.code, b.code]).toContain(0);
    await expectConverged(repository, bucket, tap, 'concurrent');
  }, 120_000);
});
