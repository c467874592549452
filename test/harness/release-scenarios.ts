// The scenarios of issue 17.4, for one example: its generated release.yml run by the harness, job by
// job, against the local servers, each outcome checked at the servers themselves.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/repo-root.js';
import { readCounts, takeWriteCensus } from '../e2e/full/write-census.js';
import { tagVersion, type Example } from './example-repository.js';
import { serverState } from './server-state.js';
import { dispatch, startRun, startScenario, tagPush, uploadedStatus, type ScenarioContext } from './scenario-context.js';
import { rerunWorkflow, type Result, type WorkflowRun } from './workflow-run.js';

const SPOKES = ['publish-npm', 'publish-homebrew', 'publish-scoop'] as const;

function results(run: WorkflowRun): Record<string, Result> {
  return Object.fromEntries(Object.entries(run.jobs).map(([id, job]) => [id, job.result]));
}

/** Every step that failed, with the end of its log: what a failed expectation should show. */
function failures(run: WorkflowRun): string {
  const lines: string[] = [];
  for (const job of Object.values(run.jobs)) {
    for (const leg of job.legs) {
      for (const step of leg.steps) if (step.outcome === 'failure') lines.push(`--- ${leg.name} / ${step.name}\n${step.log.slice(-2500)}`);
    }
  }
  return lines.join('\n') || '(no step failed)';
}

function stepLog(run: WorkflowRun, job: string, step: string): string {
  return run.jobs[job]?.legs.flatMap((l) => l.steps).find((s) => s.name === step)?.log ?? '';
}

/**
 * Steps whose log shows a secret's value. The runner masks registered values in what it displays,
 * but the product rule is that secrets are never printed at all: only `::add-mask::` lines (how an
 * action registers a value for masking) may carry one.
 */
function leakedSecrets(run: WorkflowRun, ctx: ScenarioContext): string[] {
  const values = [...Object.values(ctx.secrets), ...Object.values(ctx.environmentSecrets).flatMap((e) => Object.values(e))].filter((v) => v.length >= 8);
  const leaks: string[] = [];
  for (const job of Object.values(run.jobs)) {
    for (const leg of job.legs) {
      for (const step of leg.steps) {
        const shown = step.log.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
        if (values.some((v) => shown.includes(v))) leaks.push(`${leg.name} / ${step.name}`);
      }
    }
  }
  return leaks;
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** name -> sha256 of the archives the build jobs uploaded (the run's artifact store). */
function builtArchives(run: WorkflowRun): Record<string, string> {
  const out: Record<string, string> = {};
  for (const artifact of readdirSync(run.artifacts.dir).filter((n) => n.startsWith('deployforge-archive-'))) {
    for (const file of readdirSync(join(run.artifacts.dir, artifact))) out[file] = sha256(join(run.artifacts.dir, artifact, file));
  }
  return out;
}

/** What the linux-x64 archive's binary prints for --version (it runs here: this is linux-x64). */
function linuxBinaryOutput(run: WorkflowRun, binary: string, into: string): string {
  const dir = join(run.artifacts.dir, 'deployforge-archive-linux-x64');
  const archive = readdirSync(dir).find((f) => f.endsWith('.tar.gz'))!;
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, archive), '-C', into]);
  const found = (readdirSync(into, { recursive: true }) as string[]).find((f) => f === binary || f.endsWith(`/${binary}`));
  if (!found) throw new Error(`${archive} has no ${binary}`);
  return execFileSync(join(into, found), ['--version'], { encoding: 'utf8' }).trim();
}

const spokeStatuses = (run: WorkflowRun): Record<string, string | undefined> =>
  Object.fromEntries(SPOKES.map((id) => [id, run.jobs[id]?.outputs.status]));

export function describeReleaseScenarios(example: Example): void {
  let ctx: ScenarioContext;
  let work: string;
  const project = (): string => ctx.repo.config.project.name as string;
  const held = (version: string) => serverState(ctx.servers, example.repository, project(), version);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), `df-harness-${example.dir}-`));
    ctx = await startScenario(example, work);
  }, 60_000);

  afterAll(async () => {
    await ctx?.servers.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  describe.sequential(`the generated workflow of examples/${example.dir}, run by the harness against the local servers`, () => {
    test('a tag push releases everything, and status.json says what the servers hold', async () => {
      tagVersion(ctx.repo, '0.1.0');
      const first = await startRun(ctx, tagPush('0.1.0'));
      expect(results(first), failures(first)).toEqual({
        plan: 'success', build: 'success', sign: 'success', release: 'success',
        'publish-npm': 'success', 'publish-homebrew': 'success', 'publish-scoop': 'success', summarize: 'success',
      });
      expect(first.jobs.build!.legs.map((l) => l.name)).toEqual(example.targets.map((t) => `build ${t}`));
      expect(spokeStatuses(first)).toEqual({ 'publish-npm': 'published', 'publish-homebrew': 'published', 'publish-scoop': 'published' });
      // The linux-x64 archive holds the binary the build step made for the version; for Rust it is
      // the real cargo build, not a stand-in.
      const binary = ctx.repo.config.build.binary as string;
      const says = linuxBinaryOutput(first, binary, join(work, 'unpacked-0.1.0'));
      expect(says).toMatch(new RegExp(`^${binary} 0\\.1\\.0`));
      if (example.dir === 'rust-cli') expect(says).not.toContain('stand-in');

      // The servers hold the release: every archive the build jobs made, byte for byte, beside the
      // checksums, the SBOM and the (stand-in) provenance bundle the sign job attached.
      const state = await held('0.1.0');
      const archives = builtArchives(first);
      expect(Object.keys(archives)).toHaveLength(example.targets.length);
      expect(state.release?.draft).toBe(false);
      expect(state.release?.incomplete).toEqual([]);
      // toMatchObject: the hub may attach more (installer scripts); these must be there as made.
      expect(state.release?.assets).toMatchObject({
        ...archives,
        SHA256SUMS: expect.any(String),
        [`${project()}-0.1.0.cdx.json`]: expect.any(String),
        [`${project()}-0.1.0.sigstore.json`]: expect.any(String),
      });
      expect({ npm: state.npm, homebrew: state.homebrew, scoop: state.scoop }).toEqual({ npm: true, homebrew: true, scoop: true });

      // status.json, as summarize uploaded it, is what the servers hold.
      const status = uploadedStatus(first);
      expect(status.version).toBe('0.1.0');
      expect(status.release.status).toBe('published');
      expect(status.release.tag).toBe('v0.1.0');
      expect(Object.fromEntries((status.release.assets as { name: string; sha256: string }[]).map((a) => [a.name, a.sha256]))).toEqual(state.release?.assets);
      expect(Object.fromEntries(Object.entries(status.platforms as Record<string, { status: string; version: string }>).map(([k, p]) => [k, [p.status, p.version]])))
        .toEqual({ npm: ['published', '0.1.0'], homebrew: ['published', '0.1.0'], scoop: ['published', '0.1.0'] });
      expect(status.platforms.npm.required).toBe(true);
      expect(leakedSecrets(first, ctx)).toEqual([]);
      expect(ctx.servers.gh.violations()).toEqual([]);
    }, 120_000);

    test('a second run of the same tag writes nothing anywhere', async () => {
      const census = await takeWriteCensus(ctx.servers);
      const reads = readCounts(ctx.servers);
      const again = await startRun(ctx, tagPush('0.1.0'));
      expect(results(again), failures(again)).toEqual({
        plan: 'success', build: 'skipped', sign: 'skipped', release: 'skipped',
        'publish-npm': 'success', 'publish-homebrew': 'success', 'publish-scoop': 'success', summarize: 'success',
      });
      expect(spokeStatuses(again)).toEqual({ 'publish-npm': 'skipped', 'publish-homebrew': 'skipped', 'publish-scoop': 'skipped' });
      expect(await takeWriteCensus(ctx.servers)).toEqual(census);
      // Nothing written because everything was looked at and found there, not because nothing ran.
      expect(readCounts(ctx.servers).github).toBeGreaterThan(reads.github);
      expect(readCounts(ctx.servers).npm).toBeGreaterThan(reads.npm);
      expect(uploadedStatus(again).platforms.npm.status).toBe('skipped');
    }, 60_000);

    test('dispatch platforms: homebrew,scoop on a complete release runs only those two spokes and no build', async () => {
      const census = await takeWriteCensus(ctx.servers);
      const run = await startRun(ctx, dispatch({ version: '0.1.0', platforms: 'homebrew,scoop' }));
      expect(results(run), failures(run)).toEqual({
        plan: 'success', build: 'skipped', sign: 'skipped', release: 'skipped',
        'publish-npm': 'skipped', 'publish-homebrew': 'success', 'publish-scoop': 'success', summarize: 'success',
      });
      expect(run.jobs['publish-homebrew']!.outputs.status).toBe('skipped');
      expect(run.jobs['publish-scoop']!.outputs.status).toBe('skipped');
      // The dispatch checked out the version's tag, not the branch it was started from.
      expect(run.standIns.filter((c) => c.action === 'actions/checkout' && c.job !== 'summarize').map((c) => c.with.ref))
        .toEqual(['refs/tags/v0.1.0', 'refs/tags/v0.1.0', 'refs/tags/v0.1.0']);
      expect(await takeWriteCensus(ctx.servers)).toEqual(census);
    }, 60_000);

    test('"re-run all jobs" after a partial upload converges with identical archives; "re-run failed jobs" after a spoke failed converges', async () => {
      tagVersion(ctx.repo, '0.2.0');
      // GitHub refuses the third upload (a 400 is not retried): the release job fails with two
      // archives on the draft, and no spoke runs.
      const refused = ctx.servers.gh.faults.add({ kind: 'status', status: 400, path: /^\/uploads\//, skip: 2, name: 'upload-refused' });
      const attempt1 = await startRun(ctx, tagPush('0.2.0'));
      ctx.servers.gh.faults.clear();
      expect(refused.fired).toBeGreaterThan(0);
      expect(results(attempt1), failures(attempt1)).toMatchObject({ build: 'success', sign: 'success', release: 'failure', ...Object.fromEntries(SPOKES.map((s) => [s, 'skipped'])) });
      const partial = await held('0.2.0');
      expect(partial.release?.draft).toBe(true);
      expect(Object.keys(partial.release?.assets ?? {})).toHaveLength(2);
      const firstArchives = builtArchives(attempt1);

      // Re-run all jobs, with npm's registry down for this attempt: every job runs again, the
      // builds package the same bytes, so the two assets already there are found identical.
      await ctx.servers.npmDoor.stop();
      const attempt2 = await rerunWorkflow(attempt1, 'all').finally(() => ctx.servers.npmDoor.start());
      expect(attempt2.ran).toEqual(Object.keys(attempt2.spec.jobs));
      expect(builtArchives(attempt2)).toEqual(firstArchives);
      expect(results(attempt2), failures(attempt2)).toMatchObject({ build: 'success', release: 'success', 'publish-npm': 'failure', 'publish-homebrew': 'success', 'publish-scoop': 'success' });
      const releaseLog = stepLog(attempt2, 'release', 'Create or complete the release');
      for (const name of Object.keys(partial.release?.assets ?? {})) expect(releaseLog).toContain(`${name}: already on the release, same sha256, skipped`);
      expect(releaseLog).not.toMatch(/different content|conflict/i);
      const complete = await held('0.2.0');
      expect(complete.release?.draft).toBe(false);
      expect(complete.release?.incomplete).toEqual([]);
      for (const [name, digest] of Object.entries(firstArchives)) expect(complete.release?.assets[name], name).toBe(digest);
      expect(complete.npm).toBe(false);
      expect(leakedSecrets(attempt1, ctx)).toEqual([]);
      expect(leakedSecrets(attempt2, ctx)).toEqual([]);

      // Re-run failed jobs: npm (and summarize, which needs it) again; the rest keep their results.
      const attempt3 = await rerunWorkflow(attempt2, 'failed');
      expect(attempt3.ran, failures(attempt3)).toEqual(['publish-npm', 'summarize']);
      expect(results(attempt3), failures(attempt3)).toMatchObject({ release: 'success', 'publish-npm': 'success', summarize: 'success' });
      expect(attempt3.jobs['publish-npm']!.outputs.status).toBe('published');
      expect(await held('0.2.0')).toMatchObject({ npm: true, homebrew: true, scoop: true, release: { draft: false } });
      const status = uploadedStatus(attempt3);
      expect(Object.fromEntries(Object.entries(status.platforms as Record<string, { status: string }>).map(([k, p]) => [k, p.status])))
        .toEqual({ npm: 'published', homebrew: 'published', scoop: 'published' });
      expect(ctx.servers.gh.violations()).toEqual([]);
    }, 180_000);

    test('a failed build publishes nothing; "re-run failed jobs" rebuilds only the failed leg and converges', async () => {
      const census = await takeWriteCensus(ctx.servers);
      tagVersion(ctx.repo, '0.3.0');
      // The Windows runner's toolchain fails (a runner-side problem that a re-run can outlive).
      const windows = ctx.machines['windows-latest']!;
      const broken = { ...ctx.machines, 'windows-latest': { ...windows, env: { ...windows.env, DEPLOYFORGE_STAND_IN_FAIL: 'link: cannot open the Windows SDK' } } };
      const run = await startRun(ctx, tagPush('0.3.0'), { machines: broken });
      expect(results(run), failures(run)).toEqual({
        plan: 'success', build: 'failure', sign: 'skipped', release: 'skipped',
        'publish-npm': 'skipped', 'publish-homebrew': 'skipped', 'publish-scoop': 'skipped', summarize: expect.stringMatching(/success|failure/),
      });
      expect(run.jobs.build!.legs.map((l) => [l.name, l.result])).toEqual(example.targets.map((t) => [`build ${t}`, t === 'windows-x64' ? 'failure' : 'success']));
      expect(await takeWriteCensus(ctx.servers)).toEqual(census);
      expect(await held('0.3.0')).toEqual({ npm: false, homebrew: false, scoop: false });

      const again = await rerunWorkflow(run, 'failed', { machines: ctx.machines });
      expect(again.ran, failures(again)).toEqual(['build', 'sign', 'release', ...SPOKES, 'summarize']);
      // Only the Windows leg ran again; the others are the first attempt's, archives included.
      expect(again.jobs.build!.legs.map((l) => l.steps.length > 0 && run.jobs.build!.legs.includes(l))).toEqual(example.targets.map((t) => t !== 'windows-x64'));
      expect(results(again), failures(again)).toEqual({
        plan: 'success', build: 'success', sign: 'success', release: 'success',
        'publish-npm': 'success', 'publish-homebrew': 'success', 'publish-scoop': 'success', summarize: 'success',
      });
      const state = await held('0.3.0');
      expect(state).toMatchObject({ npm: true, homebrew: true, scoop: true, release: { draft: false, incomplete: [] } });
      expect(state.release?.assets).toMatchObject(builtArchives(again));
    }, 180_000);

    test.runIf(example.dir === 'rust-cli')('a compile error fails the build and publishes nothing', async () => {
      const census = await takeWriteCensus(ctx.servers);
      // A real compile error, from the real cargo of the ubuntu runner.
      tagVersion(ctx.repo, '0.3.1', (dir) => writeFileSync(join(dir, 'src/main.rs'), `${readFileSync(join(dir, 'src/main.rs'), 'utf8')}\nfn broken( {\n`));
      const run = await startRun(ctx, tagPush('0.3.1'));
      expect(results(run), failures(run)).toMatchObject({ plan: 'success', build: 'failure', release: 'skipped', ...Object.fromEntries(SPOKES.map((s) => [s, 'skipped'])) });
      expect(stepLog(run, 'build', 'Build')).toMatch(/error/);
      expect(await takeWriteCensus(ctx.servers)).toEqual(census);
    }, 60_000);

    test('a bad dispatch version publishes nothing', async () => {
      const census = await takeWriteCensus(ctx.servers);
      const run = await startRun(ctx, dispatch({ version: '1.2' }));
      expect(results(run), failures(run)).toEqual({
        plan: 'failure', build: 'skipped', sign: 'skipped', release: 'skipped',
        'publish-npm': 'skipped', 'publish-homebrew': 'skipped', 'publish-scoop': 'skipped', summarize: expect.stringMatching(/success|failure/),
      });
      expect(stepLog(run, 'plan', 'Check the requested version')).toContain('version: not a valid version');
      // Refused before any checkout of the requested ref.
      expect(run.standIns.filter((c) => c.job === 'plan')).toEqual([]);
      expect(await takeWriteCensus(ctx.servers)).toEqual(census);
      expect(uploadedStatus(run).plan?.status).toBe('failed');
    }, 60_000);

    test('a missing required credential publishes nothing', async () => {
      const census = await takeWriteCensus(ctx.servers);
      // The build is fixed again (the example's own source), so only the credential stands in the way.
      tagVersion(ctx.repo, '0.4.0', (dir) => {
        if (example.dir === 'rust-cli') cpSync(join(repoRoot, 'examples/rust-cli/src'), join(dir, 'src'), { recursive: true });
      });
      const { NPM_TOKEN: _, ...withoutNpm } = ctx.environmentSecrets.release!;
      const run = await startRun(ctx, tagPush('0.4.0'), { environmentSecrets: { release: withoutNpm } });
      expect(results(run), failures(run)).toMatchObject({
        plan: 'failure', build: 'skipped', sign: 'skipped', release: 'skipped',
        'publish-npm': 'skipped', 'publish-homebrew': 'skipped', 'publish-scoop': 'skipped',
      });
      expect(stepLog(run, 'plan', 'Plan the release')).toContain('NPM_TOKEN');
      expect(await takeWriteCensus(ctx.servers)).toEqual(census);
      expect(await held('0.4.0')).toEqual({ npm: false, homebrew: false, scoop: false });
    }, 60_000);
  });
}
