// Runs a generated release.yml the way GitHub's runner does: each job once its needs are done, jobs
// ready together (and matrix legs, from `fromJSON`) at the same time, `if:` with the implicit
// success(), steps with their outcomes and conclusions, job outputs and `needs.<job>.result`, and
// "re-run failed jobs" / "re-run all jobs" as new attempts of the same run. Events: a tag push, a
// dispatch, and a pull request (its merge commit, made here as GitHub makes refs/pull/<n>/merge).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { createArtifactStore, type ArtifactStore } from './artifact-store.js';
import { CONTEXT_READS, evaluateCondition, evaluateString, evaluateValue, type Contexts, type StatusFunctions } from './expressions.js';
import { ownActionDir, runBash, runOwnAction, type ProcessResult } from './step-processes.js';
import { runStandIn, type StandInCall } from './stand-in-actions.js';
import { ancestorsOf, jobOrder, loadWorkflow, needsOf, tagFilterMatches, type JobSpec, type StepSpec, type WorkflowSpec } from './workflow-syntax.js';

export type Result = 'success' | 'failure' | 'skipped' | 'cancelled';

export interface StepRecord {
  name: string; id?: string; uses?: string; outcome: Result; conclusion: Result; outputs: Record<string, string>; log: string; ms: number;
  /** The process's exit code (run: steps and our actions; absent for stand-ins and skipped steps). */
  exitCode?: number;
  /** The environment the step's process got (absent for stand-ins and skipped steps). */
  env?: Record<string, string>;
}
export interface LegRecord {
  name: string; matrix: Record<string, unknown>; result: Result; steps: StepRecord[]; outputs: Record<string, string>; summary: string;
  /** Every context the leg's expressions read (`secrets` among them only if one was evaluated), sorted. */
  contextsRead: string[];
}
export interface JobRecord { id: string; result: Result; outputs: Record<string, string>; legs: LegRecord[]; attempt: number }

/**
 * A pull request from `head` into `base`, branches of the origin repository. Its run is of
 * refs/pull/<number>/merge, the commit that merges head into base (GitHub's test merge), and uses
 * that commit's workflow file.
 */
export interface PullRequestEvent {
  name: 'pull_request';
  number: number;
  head: string;
  base: string;
  /** `pull_request:` with no `types` runs on opened, synchronize (a push to head) and reopened. */
  action: 'opened' | 'synchronize' | 'reopened' | 'closed' | 'edited' | 'labeled';
  /** From a fork: GitHub passes no secret to the run but GITHUB_TOKEN (read-only), no environment's either. */
  fork?: boolean;
}

export type WorkflowEvent =
  | { name: 'push'; ref: string }
  | { name: 'workflow_dispatch'; ref: string; inputs: Record<string, string | boolean> }
  | PullRequestEvent;

/** The activity types `pull_request:` runs on when it lists none. */
const DEFAULT_PULL_REQUEST_TYPES: PullRequestEvent['action'][] = ['opened', 'synchronize', 'reopened'];

/** GITHUB_REF of the event. */
export function eventRef(event: WorkflowEvent): string {
  return event.name === 'pull_request' ? `refs/pull/${event.number}/merge` : event.ref;
}

export interface RunSetup {
  workflowFile: string;
  /** The repository's git folder: checkouts fetch from it, as actions/checkout fetches from GitHub. */
  origin: string;
  /** owner/name */
  repository: string;
  event: WorkflowEvent;
  /** Repository secrets, GITHUB_TOKEN included (it becomes github.token too). */
  secrets: Record<string, string>;
  /** Secrets of GitHub environments: only jobs with `environment: <name>` see them. */
  environmentSecrets?: Record<string, Record<string, string>>;
  vars?: Record<string, string>;
  /**
   * The runners, by `runs-on` label: each one's own variables (PATH, CARGO_HOME…). A job whose label
   * is not here stops the test: the harness has no machine to run it on.
   */
  machines: Record<string, Machine>;
  /** GitHub's addresses (the fake's): github.api_url, github.server_url and their variables. */
  apiUrl: string;
  serverUrl: string;
  node24: string;
  /** Where our action.yml files are (the checkout under test). */
  actionsRoot: string;
  /** The run's folder: workspaces, temp, artifacts. */
  dir: string;
  /**
   * Other repositories a checkout may ask for (`repository:`), by owner/name: a folder with its
   * files at one commit, and that commit. A checkout of another repository or commit stops the test.
   */
  repositories?: Record<string, { dir: string; ref: string }>;
}

export interface Machine {
  os: 'Linux' | 'macOS' | 'Windows';
  arch: 'X64' | 'ARM64';
  env: Record<string, string>;
}

export interface WorkflowRun {
  setup: RunSetup;
  spec: WorkflowSpec;
  attempt: number;
  /** false when the event does not match the workflow's triggers (no run is created). */
  triggered: boolean;
  jobs: Record<string, JobRecord>;
  artifacts: ArtifactStore;
  standIns: StandInCall[];
  /** Jobs that ran in this attempt, in order. */
  ran: string[];
  /** The event's webhook payload (github.event, and the file at GITHUB_EVENT_PATH). */
  payload: Record<string, unknown>;
  /** Where that payload is written for the steps. */
  payloadFile: string;
  /**
   * "Re-run failed jobs" on a matrix job re-runs only its failed legs: each leg is a job of its own
   * on GitHub. The legs of failed jobs from the attempt before, by job id, to keep the good ones of.
   */
  earlierLegs?: Record<string, LegRecord[]>;
}

const RUN_ID = '4242';

function githubContext(run: WorkflowRun, sha: string, workspace: string, job: string): Record<string, unknown> {
  const { setup } = run;
  const ref = eventRef(setup.event);
  // refs/pull/7/merge is named 7/merge.
  const refName = ref.replace(/^refs\/(?:tags|heads|pull)\//, '');
  const pr = setup.event.name === 'pull_request' ? setup.event : undefined;
  return {
    event_name: setup.event.name,
    event: run.payload,
    ref, ref_name: refName, ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch', sha,
    // Empty but for pull requests, as on GitHub.
    head_ref: pr?.head ?? '', base_ref: pr?.base ?? '',
    repository: setup.repository, repository_owner: setup.repository.split('/')[0],
    token: secretsOf(setup).repository.GITHUB_TOKEN ?? '', workspace, job,
    run_id: RUN_ID, run_number: '1', run_attempt: String(run.attempt),
    server_url: setup.serverUrl, api_url: setup.apiUrl,
    actor: 'harness', workflow: 'Release',
  };
}

/** The secrets the run gets: a fork's pull request gets GITHUB_TOKEN only. */
function secretsOf(setup: RunSetup): { repository: Record<string, string>; environments: Record<string, Record<string, string>> } {
  if (setup.event.name === 'pull_request' && setup.event.fork) {
    return { repository: setup.secrets.GITHUB_TOKEN !== undefined ? { GITHUB_TOKEN: setup.secrets.GITHUB_TOKEN } : {}, environments: {} };
  }
  return { repository: setup.secrets, environments: setup.environmentSecrets ?? {} };
}

function git(origin: string, args: string[], env?: Record<string, string>): string {
  return execFileSync('git', ['-C', origin, ...args], { encoding: 'utf8', stdio: 'pipe', ...(env ? { env: { ...process.env, ...env } } : {}) }).trim();
}

/**
 * What GitHub does when a pull request is opened or pushed to: refs/pull/<n>/head is the head
 * branch's commit, refs/pull/<n>/merge a new commit merging it into the base branch. A conflict
 * leaves no merge commit, and GitHub runs no pull_request workflow then: undefined.
 */
function preparePullRequest(setup: RunSetup, event: PullRequestEvent): Record<string, unknown> | undefined {
  const head = git(setup.origin, ['rev-parse', `refs/heads/${event.head}^{commit}`]);
  const base = git(setup.origin, ['rev-parse', `refs/heads/${event.base}^{commit}`]);
  let tree: string;
  try {
    tree = git(setup.origin, ['merge-tree', '--write-tree', base, head]).split('\n')[0]!;
  } catch (error) {
    // Exit 1 is a conflict; anything else (a git without --write-tree: 2.38+) is the harness's problem.
    if ((error as { status?: number }).status === 1) return undefined;
    throw new Error(`harness: cannot merge ${event.head} into ${event.base}: ${(error as Error).message}`);
  }
  const identity = { GIT_AUTHOR_NAME: 'harness', GIT_AUTHOR_EMAIL: 'harness@deployforge.invalid', GIT_COMMITTER_NAME: 'GitHub', GIT_COMMITTER_EMAIL: 'noreply@github.invalid' };
  const merge = git(setup.origin, ['commit-tree', tree, '-p', base, '-p', head, '-m', `Merge ${head} into ${base}`], identity);
  git(setup.origin, ['update-ref', `refs/pull/${event.number}/head`, head]);
  git(setup.origin, ['update-ref', `refs/pull/${event.number}/merge`, merge]);
  const headRepo = event.fork ? `contributor/${setup.repository.split('/')[1]}` : setup.repository;
  return {
    action: event.action, number: event.number,
    pull_request: {
      number: event.number, state: event.action === 'closed' ? 'closed' : 'open', merge_commit_sha: merge,
      head: { ref: event.head, sha: head, repo: { full_name: headRepo, fork: event.fork === true } },
      base: { ref: event.base, sha: base, repo: { full_name: setup.repository, fork: false } },
    },
    repository: { full_name: setup.repository },
  };
}

/**
 * The workflow file a run uses: a pull request's is the merge commit's (GitHub reads it there, so a
 * pull request that changes the workflow runs its own version); other events read `workflowFile`.
 */
function workflowOf(setup: RunSetup): WorkflowSpec {
  if (setup.event.name !== 'pull_request') return loadWorkflow(setup.workflowFile);
  const path = relative(setup.origin, setup.workflowFile);
  if (path.startsWith('..') || isAbsolute(path)) throw new Error(`harness: a pull request's workflow is read from its merge commit: ${setup.workflowFile} is not in ${setup.origin}`);
  const file = join(setup.dir, 'workflow-of-the-merge-commit.yml');
  writeFileSync(file, git(setup.origin, ['show', `${eventRef(setup.event)}:${path}`]));
  return loadWorkflow(file);
}

/** The `inputs` context: typed dispatch inputs with their defaults; empty for a push. */
function inputsContext(spec: WorkflowSpec, event: WorkflowEvent): Record<string, unknown> {
  if (event.name !== 'workflow_dispatch') return {};
  const declared = spec.on.workflow_dispatch?.inputs ?? {};
  const unknown = Object.keys(event.inputs).filter((k) => !(k in declared));
  if (unknown.length > 0) throw new Error(`dispatch refused: unexpected inputs ${unknown.join(', ')}`);
  const inputs: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(declared)) {
    const given = event.inputs[name];
    if (given === undefined && input.required && input.default === undefined) throw new Error(`dispatch refused: input ${name} is required`);
    const value = given ?? input.default ?? (input.type === 'boolean' ? false : '');
    inputs[name] = input.type === 'boolean' ? value === true || value === 'true' : String(value);
  }
  return inputs;
}

function triggered(spec: WorkflowSpec, event: WorkflowEvent): boolean {
  if (event.name === 'workflow_dispatch') return spec.on.workflow_dispatch !== undefined;
  // No filters: workflow-syntax refuses every key of on.pull_request.
  if (event.name === 'pull_request') return 'pull_request' in spec.on && DEFAULT_PULL_REQUEST_TYPES.includes(event.action);
  const tags = spec.on.push?.tags;
  if (!tags || !event.ref.startsWith('refs/tags/')) throw new Error(`harness: push of ${event.ref}: only tag pushes with tag filters are implemented`);
  const tag = event.ref.slice('refs/tags/'.length);
  return tags.some((pattern) => tagFilterMatches(pattern, tag));
}

function envBlock(block: Record<string, unknown> | undefined, contexts: Contexts): Record<string, string> {
  return Object.fromEntries(Object.entries(block ?? {}).map(([k, v]) => [k, evaluateString(v, contexts)]));
}

function stringMap(block: Record<string, unknown> | undefined, contexts: Contexts): Record<string, string> {
  return envBlock(block, contexts);
}

/** A fresh runner's workspace: nothing of an earlier attempt's checkout is left. */
function freshDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

interface LegInput {
  run: WorkflowRun;
  jobId: string;
  job: JobSpec;
  legIndex: number;
  legTotal: number;
  matrix: Record<string, unknown>;
  needs: Record<string, { result: Result; outputs: Record<string, string> }>;
  inputs: Record<string, unknown>;
  sha: string;
}

async function runLeg(leg: LegInput): Promise<LegRecord> {
  const { run, jobId, job } = leg;
  const setup = run.setup;
  const legDir = join(setup.dir, 'runner', `${jobId}-${leg.legIndex}`);
  const workspace = join(legDir, 'workspace');
  const temp = join(legDir, 'temp');
  const home = join(legDir, 'home');
  freshDir(workspace);
  for (const d of [temp, home]) (rmSync(d, { recursive: true, force: true }), mkdirSync(d, { recursive: true }));

  const given = secretsOf(setup);
  const secrets = { ...given.repository, ...(job.environment ? given.environments[job.environment] ?? {} : {}) };
  const github = githubContext(run, leg.sha, workspace, jobId);
  const strategy = { 'fail-fast': job.strategy?.['fail-fast'] ?? true, 'job-index': leg.legIndex, 'job-total': leg.legTotal, 'max-parallel': leg.legTotal };
  const contextsRead = new Set<string>();
  const early: Contexts = { github, inputs: leg.inputs, needs: leg.needs, matrix: leg.matrix, vars: setup.vars ?? {}, strategy, [CONTEXT_READS]: contextsRead };
  const label = evaluateString(job['runs-on'], early);
  const machine = setup.machines[label];
  if (!machine) throw new Error(`harness: ${jobId} runs-on ${label}: no such machine in this test (it has ${Object.keys(setup.machines).join(', ')})`);
  const runner = { os: machine.os, arch: machine.arch, name: `harness-${label}`, temp, tool_cache: join(legDir, 'toolcache') };
  const base: Contexts = { ...early, runner };
  const name = evaluateString(job.name ?? jobId, base);
  const workflowEnv = envBlock(run.spec.env, { github, inputs: leg.inputs, vars: setup.vars ?? {}, secrets, [CONTEXT_READS]: contextsRead });
  let jobEnv = { ...workflowEnv, ...envBlock(job.env, { ...base, secrets, env: workflowEnv }) };
  const pathPrefix: string[] = [];
  const steps: StepRecord[] = [];
  const stepsContext: Record<string, { outputs: Record<string, string>; outcome: Result; conclusion: Result }> = {};
  let summary = '';
  let failed = false;
  // timeout-minutes bounds the whole job: each step gets what is left of it.
  const deadline = Date.now() + (job['timeout-minutes'] ?? 360) * 60_000;

  for (const [i, step] of job.steps.entries()) {
    const jobStatus = failed ? 'failure' : 'success';
    const view: Contexts = { ...base, steps: stepsContext, env: jobEnv, job: { status: jobStatus } };
    const status: StatusFunctions = { success: () => !failed, failure: () => failed, cancelled: () => false };
    const stepName = evaluateString(step.name ?? step.uses ?? `Run ${i + 1}`, view);
    const record: StepRecord = { name: stepName, id: step.id, uses: step.uses, outcome: 'skipped', conclusion: 'skipped', outputs: {}, log: '', ms: 0 };
    steps.push(record);
    if (!evaluateCondition(step.if, view, status)) {
      if (step.id) stepsContext[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    const full: Contexts = { ...view, secrets };
    const stepEnv = { ...jobEnv, ...envBlock(step.env, full) };
    const processEnv: Record<string, string> = {
      ...machine.env,
      HOME: home,
      PATH: [...pathPrefix, machine.env.PATH ?? ''].join(':'),
      GITHUB_API_URL: setup.apiUrl, GITHUB_SERVER_URL: setup.serverUrl,
      CI: 'true', GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: setup.event.name, GITHUB_EVENT_PATH: run.payloadFile, GITHUB_REF: String(github.ref), GITHUB_REF_NAME: String(github.ref_name),
      GITHUB_REF_TYPE: String(github.ref_type), GITHUB_SHA: leg.sha, GITHUB_REPOSITORY: setup.repository,
      GITHUB_REPOSITORY_OWNER: String(github.repository_owner), GITHUB_WORKSPACE: workspace, GITHUB_JOB: jobId,
      GITHUB_RUN_ID: RUN_ID, GITHUB_RUN_NUMBER: '1', GITHUB_RUN_ATTEMPT: String(run.attempt), GITHUB_ACTOR: 'harness',
      GITHUB_WORKFLOW: run.spec.name ?? 'Release', RUNNER_OS: machine.os, RUNNER_ARCH: machine.arch, RUNNER_TEMP: temp,
      RUNNER_TOOL_CACHE: runner.tool_cache,
      ...(setup.event.name === 'pull_request' ? { GITHUB_HEAD_REF: setup.event.head, GITHUB_BASE_REF: setup.event.base } : {}),
      ...stepEnv,
    };
    let result: ProcessResult | undefined;
    let error: string | undefined;
    // A process of the step's own (a script, one of our actions), not a stand-in.
    let spawned = false;
    const started = Date.now();
    const timeoutMs = Math.max(1, deadline - started);
    try {
      if (step.run !== undefined) {
        spawned = true;
        result = await runBash(step.run, { cwd: workspace, env: processEnv, temp, timeoutMs });
      } else {
        const uses = step.uses!;
        const withValues = stringMap(step.with, full);
        const own = ownActionDir(uses, setup.actionsRoot);
        if (own) {
          spawned = true;
          result = await runOwnAction(own, withValues, full, { node: setup.node24, cwd: workspace, env: processEnv, temp, timeoutMs });
        } else {
          const standIn = runStandIn(uses, withValues, {
            job: jobId, workspace, temp, origin: setup.origin, repository: setup.repository, repositories: setup.repositories ?? {}, defaultRef: String(github.ref), attempt: run.attempt,
            artifacts: run.artifacts, node24: setup.node24, permissions: job.permissions ?? (run.spec.permissions as Record<string, string> | undefined) ?? {}, calls: run.standIns,
          });
          result = { code: 0, log: standIn.log, outputs: standIn.outputs, env: {}, path: standIn.path, summary: '' };
        }
      }
    } catch (caught) {
      const message = caught instanceof Error ? caught.message : String(caught);
      // The harness's own refusals are not step failures: they stop the test.
      if (message.startsWith('harness:')) throw new Error(`${jobId} / ${stepName}: ${message}`);
      error = message;
    }
    record.ms = Date.now() - started;
    const ok = result !== undefined && result.code === 0;
    record.log = result ? result.log : `Error: ${error}`;
    record.outputs = result?.outputs ?? {};
    record.outcome = ok ? 'success' : 'failure';
    if (result && spawned) (record.exitCode = result.code, record.env = processEnv);
    const continueOnError = step['continue-on-error'] === undefined ? false : evaluateValue(step['continue-on-error'], full) === true || evaluateValue(step['continue-on-error'], full) === 'true';
    record.conclusion = ok || continueOnError ? 'success' : 'failure';
    if (record.conclusion === 'failure') failed = true;
    if (result) {
      jobEnv = { ...jobEnv, ...result.env };
      pathPrefix.unshift(...result.path.reverse());
      summary += result.summary;
    }
    if (step.id) stepsContext[step.id] = { outputs: record.outputs, outcome: record.outcome, conclusion: record.conclusion };
  }
  // Outputs are evaluated when the job ends, failed or not, from whatever steps wrote.
  const outputView: Contexts = { ...base, steps: stepsContext, env: jobEnv, job: { status: failed ? 'failure' : 'success' } };
  // GitHub drops an output that holds a secret the job could see ("Skip output since it may contain
  // secret"): a later job would read it as empty.
  const secretValues = Object.values(secrets).filter((v) => v !== '');
  const outputs = Object.fromEntries(Object.entries(stringMap(job.outputs, outputView)).filter(([, v]) => !secretValues.some((secret) => v.includes(secret))));
  return { name, matrix: leg.matrix, result: failed ? 'failure' : 'success', steps, outputs, summary, contextsRead: [...contextsRead].sort() };
}

/** `strategy.matrix` as our generator writes it: `fromJSON` of `{"include": [...]}`. */
function matrixLegs(job: JobSpec, contexts: Contexts, jobId: string): Record<string, unknown>[] {
  if (!job.strategy) return [{}];
  const matrix = evaluateValue(job.strategy.matrix, contexts) as Record<string, unknown> | null;
  if (!matrix || typeof matrix !== 'object' || Array.isArray(matrix)) throw new Error(`${jobId}: strategy.matrix is not an object`);
  const keys = Object.keys(matrix);
  if (keys.length !== 1 || keys[0] !== 'include') throw new Error(`harness: ${jobId} strategy.matrix with ${keys.join(', ')}: only {include: [...]} is implemented`);
  const include = matrix.include as Record<string, unknown>[];
  // GitHub fails the workflow when a matrix has no legs; the generator must never ask for one.
  if (!Array.isArray(include) || include.length === 0) throw new Error(`${jobId}: Matrix vector 'include' does not contain any values`);
  return include;
}

function commitOf(origin: string, ref: string): string {
  return execFileSync('git', ['-C', origin, 'rev-parse', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
}

async function runJob(run: WorkflowRun, jobId: string, inputs: Record<string, unknown>, sha: string): Promise<JobRecord> {
  const { spec, setup } = run;
  const job = spec.jobs[jobId]!;
  const needs = Object.fromEntries(needsOf(job).map((n) => [n, { result: run.jobs[n]!.result, outputs: run.jobs[n]!.outputs }]));
  const ancestors = [...ancestorsOf(spec, jobId)].map((a) => run.jobs[a]!.result);
  const status: StatusFunctions = {
    success: () => Object.values(needs).every((n) => n.result === 'success'),
    failure: () => ancestors.includes('failure'),
    cancelled: () => false,
  };
  const jobContexts: Contexts = { github: githubContext(run, sha, '', jobId), inputs, needs, vars: setup.vars ?? {} };
  if (!evaluateCondition(job.if, jobContexts, status)) return { id: jobId, result: 'skipped', outputs: {}, legs: [], attempt: run.attempt };
  let matrix: Record<string, unknown>[];
  try {
    matrix = matrixLegs(job, jobContexts, jobId);
  } catch (error) {
    if ((error as Error).message.startsWith('harness:')) throw error;
    return { id: jobId, result: 'failure', outputs: {}, legs: [], attempt: run.attempt };
  }
  // Legs run at once, as on GitHub (each on its own runner). Only fail-fast: false is implemented:
  // cancelling legs already under way is not.
  if (matrix.length > 1 && job.strategy?.['fail-fast'] !== false) throw new Error(`harness: ${jobId} has a matrix with fail-fast on, which is not implemented`);
  const earlier = run.earlierLegs?.[jobId];
  const legs = await Promise.all(matrix.map((legMatrix, legIndex) => {
    const kept = earlier?.[legIndex];
    if (kept?.result === 'success' && JSON.stringify(kept.matrix) === JSON.stringify(legMatrix)) return kept;
    return runLeg({ run, jobId, job, legIndex, legTotal: matrix.length, matrix: legMatrix, needs, inputs, sha });
  }));
  const result: Result = legs.some((l) => l.result === 'failure' || l.result === 'cancelled') ? 'failure' : 'success';
  // Matrix legs write the same outputs; GitHub keeps the last non-empty value of each.
  const outputs: Record<string, string> = {};
  for (const leg of legs) for (const [k, v] of Object.entries(leg.outputs)) if (v !== '' || !(k in outputs)) outputs[k] = v;
  return { id: jobId, result, outputs, legs, attempt: run.attempt };
}

/**
 * Every job starts as soon as all its needs have finished, and jobs that are ready together run at
 * the same time, as GitHub runs them (so a test sees the run's real critical path, and jobs that
 * would race on GitHub race here too).
 */
async function runAttempt(run: WorkflowRun, keep: Set<string>): Promise<WorkflowRun> {
  const { spec, setup } = run;
  const inputs = inputsContext(spec, setup.event);
  const sha = commitOf(setup.origin, eventRef(setup.event));
  if (spec.concurrency) evaluateString(spec.concurrency.group, { github: githubContext(run, sha, '', ''), inputs, vars: setup.vars ?? {} });
  const waiting = new Set(jobOrder(spec).filter((id) => !keep.has(id)));
  const running = new Map<string, Promise<void>>();
  while (waiting.size > 0 || running.size > 0) {
    for (const jobId of [...waiting]) {
      if (!needsOf(spec.jobs[jobId]!).every((n) => n in run.jobs)) continue;
      waiting.delete(jobId);
      run.ran.push(jobId);
      running.set(jobId, runJob(run, jobId, inputs, sha).then((record) => {
        run.jobs[jobId] = record;
        running.delete(jobId);
      }));
    }
    if (running.size === 0) throw new Error(`harness: jobs ${[...waiting].join(', ')} can never start`);
    await Promise.race(running.values());
  }
  return run;
}

/** A new run of the workflow for an event (a tag push, a dispatch or a pull request). */
export async function runWorkflow(setup: RunSetup): Promise<WorkflowRun> {
  mkdirSync(setup.dir, { recursive: true });
  const event = setup.event;
  const payload = event.name === 'pull_request' ? preparePullRequest(setup, event)
    : event.name === 'workflow_dispatch' ? { inputs: event.inputs } : { ref: event.ref };
  const payloadFile = join(setup.dir, 'event.json');
  writeFileSync(payloadFile, `${JSON.stringify(payload ?? {})}\n`);
  // A conflicting pull request has no merge commit, hence no workflow to run.
  const spec = payload ? workflowOf(setup) : { on: {}, jobs: {} };
  const run: WorkflowRun = {
    setup, spec, attempt: 1, triggered: payload !== undefined && triggered(spec, event), jobs: {},
    artifacts: createArtifactStore(join(setup.dir, 'artifacts')), standIns: [], ran: [], payload: payload ?? {}, payloadFile,
  };
  if (!run.triggered) return run;
  return runAttempt(run, new Set());
}

/**
 * The Actions tab's re-run buttons. "failed": failed (and cancelled) jobs and every job that needs
 * them run again (of a matrix job, only the legs that failed); the others keep their results and
 * outputs. "all": every job runs again. Either way the attempt number goes up and the run's
 * artifacts stay; `changes` are what may change between attempts (a secret a maintainer fixed, a
 * runner whose toolchain works again).
 */
export async function rerunWorkflow(previous: WorkflowRun, mode: 'failed' | 'all', changes: Partial<Pick<RunSetup, 'secrets' | 'environmentSecrets' | 'machines'>> = {}): Promise<WorkflowRun> {
  const spec = previous.spec;
  const again = new Set<string>();
  if (mode === 'all') for (const id of Object.keys(spec.jobs)) again.add(id);
  else {
    for (const id of Object.keys(spec.jobs)) {
      const result = previous.jobs[id]?.result;
      if (result === 'failure' || result === 'cancelled') again.add(id);
    }
    for (const id of jobOrder(spec)) if ([...ancestorsOf(spec, id)].some((a) => again.has(a))) again.add(id);
  }
  const keep = new Set(Object.keys(spec.jobs).filter((id) => !again.has(id)));
  const run: WorkflowRun = {
    ...previous, setup: { ...previous.setup, ...changes }, attempt: previous.attempt + 1,
    jobs: Object.fromEntries(Object.entries(previous.jobs).filter(([id]) => keep.has(id))), standIns: [], ran: [],
    earlierLegs: mode === 'failed'
      ? Object.fromEntries(Object.entries(previous.jobs).filter(([, job]) => job.result === 'failure').map(([id, job]) => [id, job.legs]))
      : {},
  };
  return runAttempt(run, keep);
}
