// Issue 18 in the workflow harness: examples/go-cli with `workflow.pull-requests: true`, its generated
// release.yml run on pull_request events. Only the check job runs; it holds no secret, rehearses the
// release with `release --snapshot` (the package files kept in the workspace) and writes nothing
// anywhere; a stale workflow or an invalid config fails it; with the option off, nothing runs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCounts, takeWriteCensus } from '../e2e/full/write-census.js';
import { ACTIONS_SHA, commitOnBranch, generateWorkflow, tagVersion } from './example-repository.js';
import { pullRequest, startRun, startScenario, type ScenarioContext } from './scenario-context.js';
import type { WorkflowRun } from './workflow-run.js';

const JOB = 'check-pull-request';
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
let ctx: ScenarioContext;
let work: string;

const results = (run: WorkflowRun) => Object.fromEntries(Object.entries(run.jobs).map(([id, job]) => [id, job.result]));
const failures = (run: WorkflowRun) => Object.values(run.jobs).flatMap((j) => j.legs).flatMap((l) => l.steps.filter((s) => s.outcome === 'failure').map((s) => `--- ${l.name} / ${s.name}\n${s.log.slice(-2000)}`)).join('\n') || '(no step failed)';
/** Jobs that ran a step (the others were skipped by their `if:` or their needs). */
const jobsThatRan = (run: WorkflowRun) => Object.entries(run.jobs).filter(([, job]) => job.legs.some((l) => l.steps.some((s) => s.outcome !== 'skipped'))).map(([id]) => id);
const steps = (run: WorkflowRun) => run.jobs[JOB]!.legs[0]!.steps;
const step = (run: WorkflowRun, name: string) => steps(run).find((s) => s.name === name)!;

/** Edits deployforge.yml in `dir` as YAML. */
function editConfig(dir: string, edit: (config: Record<string, any>) => void): void {
  const file = join(dir, 'deployforge.yml');
  const config = parse(readFileSync(file, 'utf8')) as Record<string, any>;
  edit(config);
  writeFileSync(file, stringify(config));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'df-harness-pr-'));
  ctx = await startScenario({ dir: 'go-cli', repository: 'acme/hello-forge-go', targets: ['linux-x64', 'macos-arm64', 'windows-x64'], workflow: { 'pull-requests': true } }, work);
}, 60_000);

afterAll(async () => {
  await ctx?.servers.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.sequential('workflow.pull-requests in the generated workflow, run by the harness on pull_request events', () => {
  test('a pull request runs only the check job: no secret, a snapshot kept in the workspace, nothing written anywhere', async () => {
    // Released before: the snapshot's version is the next patch, which the checkout must see the tag for.
    tagVersion(ctx.repo, '0.3.0');
    await commitOnBranch(ctx.repo, 'readme', (dir) => writeFileSync(join(dir, 'README.md'), `${readFileSync(join(dir, 'README.md'), 'utf8')}\nA contributor's line.\n`));
    const census = await takeWriteCensus(ctx.servers);
    const reads = readCounts(ctx.servers);
    const requests = ctx.servers.gh.requests.length;
    const run = await startRun(ctx, pullRequest(1, 'readme'));

    expect(run.triggered).toBe(true);
    expect(results(run)[JOB], failures(run)).toBe('success');
    // No plan, no build matrix, no release, no spoke, no summary.
    expect(jobsThatRan(run)).toEqual([JOB]);
    expect(Object.entries(results(run)).filter(([id]) => id !== JOB).every(([, result]) => result === 'skipped')).toBe(true);
    expect(steps(run).map((s) => [s.name, s.outcome])).toEqual([
      ['Check out the pull request', 'success'],
      ['Check out the DeployForge CLI', 'success'],
      ['Set up Node.js', 'success'],
      ['Set up Go', 'success'],
      ['Validate the config', 'success'],
      ['Plan the release', 'success'],
      ['Check the workflow is current', 'success'],
      ['Rehearse the release (snapshot, nothing published)', 'success'],
    ]);
    // The pull request's merge commit was checked out, and the CLI of the commit the actions are pinned to.
    const checkouts = run.standIns.filter((c) => c.action === 'actions/checkout');
    expect(checkouts.map((c) => c.with)).toEqual([
      { 'fetch-depth': '0', 'persist-credentials': 'false' },
      { repository: 'deployforge/deployforge', ref: ACTIONS_SHA, path: '.deployforge/cli', 'persist-credentials': 'false' },
    ]);
    expect(step(run, 'Check out the pull request').log).toBe('checked out refs/pull/1/merge (all history and tags)');

    // No secret reached the job: no expression of it read the secrets context, and no step's
    // environment holds a secret's value (GITHUB_TOKEN included: nothing asks for it).
    expect(run.jobs[JOB]!.legs[0]!.contextsRead).not.toContain('secrets');
    const secretValues = [...Object.values(ctx.secrets), ...Object.values(ctx.environmentSecrets).flatMap((e) => Object.values(e))];
    const ran = steps(run).filter((s) => s.env);
    expect(ran.map((s) => s.name)).toHaveLength(4);
    for (const s of ran) expect(Object.entries(s.env!).filter(([, v]) => secretValues.some((secret) => v.includes(secret))).map(([k]) => k), s.name).toEqual([]);
    expect(checkouts.flatMap((c) => Object.values(c.with)).filter((v) => secretValues.includes(v))).toEqual([]);
    expect(ran[0]!.env).toMatchObject({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/1/merge', GITHUB_HEAD_REF: 'readme', GITHUB_BASE_REF: 'main' });

    // The snapshot of the merge commit: <next>-snapshot+<its short sha>, with the host's archive.
    const merge = String((run.payload.pull_request as { merge_commit_sha: string }).merge_commit_sha);
    const version = `0.3.1-snapshot+${merge.slice(0, 7)}`;
    expect(step(run, 'Plan the release').log).toContain(version);
    const kept = join(run.setup.dir, 'runner', `${JOB}-0`, 'workspace', '.deployforge', 'dist', version);
    expect(existsSync(kept), `${kept}\n${step(run, 'Rehearse the release (snapshot, nothing published)').log}`).toBe(true);
    const archive = `hello-forge-go-${version}-linux-x64.tar.gz`;
    expect(readdirSync(join(kept, 'github')).sort()).toEqual([
      'SHA256SUMS', `hello-forge-go-${version}.cdx.json`, archive, `hello-forge-go_${version}_amd64.deb`, `hello-forge-go_${version}_x86_64.rpm`,
    ].sort());
    expect(readFileSync(join(kept, 'github', 'SHA256SUMS'), 'utf8')).toContain(`${sha256(join(kept, 'github', archive))}  ${archive}`);
    // The binary in it was built by the job's build step (the stand-in go) for the snapshot version.
    const tarball = join(kept, 'github', archive);
    const binary = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').find((f) => /(^|\/)hello-forge-go$/.test(f));
    expect(execFileSync('tar', ['-xzOf', tarball, binary!], { encoding: 'utf8' })).toContain(`hello-forge-go ${version}`);
    expect(readdirSync(join(kept, 'npm')).filter((f) => f.endsWith('.tgz'))).toHaveLength(2);
    expect(existsSync(join(kept, 'homebrew', 'Formula', 'hello-forge-go.rb'))).toBe(true);

    // Nothing was written anywhere, nor even asked: the rehearsal is offline.
    expect(await takeWriteCensus(ctx.servers)).toEqual(census);
    expect(readCounts(ctx.servers)).toEqual(reads);
    expect(ctx.servers.gh.requests.length).toBe(requests);
  }, 120_000);

  test('the check job fails on a stale workflow (generate --check) and on an invalid config (exit 2)', async () => {
    // Drops the Scoop platform without regenerating the workflow: publish-scoop is still in it.
    await commitOnBranch(ctx.repo, 'stale', (dir) => editConfig(dir, (c) => delete c.platforms.scoop));
    const stale = await startRun(ctx, pullRequest(2, 'stale'));
    expect(results(stale)[JOB]).toBe('failure');
    expect(jobsThatRan(stale)).toEqual([JOB]);
    expect(step(stale, 'Validate the config').outcome).toBe('success');
    const check = step(stale, 'Check the workflow is current');
    expect(check.outcome, check.log).toBe('failure');
    expect(check.exitCode).toBe(1);
    expect(check.log).toContain('.github/workflows/release.yml is stale');
    expect(check.log).toMatch(/^-  publish-scoop:$/m);
    expect(step(stale, 'Rehearse the release (snapshot, nothing published)').outcome).toBe('skipped');

    await commitOnBranch(ctx.repo, 'invalid', (dir) => editConfig(dir, (c) => (c.build.targets = ['linux-x64', 'plan9-x64'])));
    const invalid = await startRun(ctx, pullRequest(3, 'invalid'));
    expect(results(invalid)[JOB]).toBe('failure');
    const validate = step(invalid, 'Validate the config');
    expect(validate.exitCode, validate.log).toBe(2);
    expect(validate.log).toMatch(/^deployforge\.yml:\d+:\d+: build\.targets\[1\]: unknown value "plan9-x64"/m);
    expect(validate.log).not.toMatch(/\n\s+at /);
    expect(steps(invalid).filter((s) => s.outcome === 'skipped').map((s) => s.name)).toEqual([
      'Plan the release', 'Check the workflow is current', 'Rehearse the release (snapshot, nothing published)',
    ]);
  }, 60_000);

  test('with workflow.pull-requests off, a pull request runs nothing', async () => {
    // The pull request turns the checks off and regenerates: GitHub reads the merge commit's workflow.
    await commitOnBranch(ctx.repo, 'checks-off', async (dir) => {
      editConfig(dir, (c) => (c.workflow['pull-requests'] = false));
      await generateWorkflow(dir, ctx.repo.workflowFile);
    });
    const run = await startRun(ctx, pullRequest(4, 'checks-off'));
    expect(run.triggered).toBe(false);
    expect(run.jobs).toEqual({});
    expect(readFileSync(ctx.repo.workflowFile, 'utf8')).toContain('pull_request');
  }, 30_000);
});
