// One example's repository, servers and runners, and a way to start runs of its generated workflow
// (a tag push or a dispatch) against them.
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GITHUB_TOKEN, startLocalServers, type LocalServers } from '../e2e/full/local-servers.js';
import { node24 } from '../helpers/run-action-bundle.js';
import { repoRoot } from '../helpers/repo-root.js';
import { ACTIONS_SHA, createExampleRepository, type Example, type ExampleRepository } from './example-repository.js';
import { writeOfflineRustup, writeStandInToolchain } from './toolchain-stand-ins.js';
import { runWorkflow, type Machine, type PullRequestEvent, type RunSetup, type WorkflowEvent, type WorkflowRun } from './workflow-run.js';

export interface ScenarioContext {
  example: Example;
  work: string;
  servers: LocalServers;
  repo: ExampleRepository;
  /** Repository secrets and the `release` environment's, as a maintainer sets them up. */
  secrets: Record<string, string>;
  environmentSecrets: Record<string, Record<string, string>>;
  machines: Record<string, Machine>;
  actionsRoot: string;
}

/** The runner labels the build matrix asks for, per target (packages/targets' table). */
const LABELS: Record<string, { label: string; os: Machine['os']; arch: Machine['arch'] }> = {
  'linux-x64': { label: 'ubuntu-latest', os: 'Linux', arch: 'X64' },
  'macos-arm64': { label: 'macos-15', os: 'macOS', arch: 'ARM64' },
  'windows-x64': { label: 'windows-latest', os: 'Windows', arch: 'X64' },
};

/**
 * The runners. ubuntu-latest is this machine: its own cargo for the Rust example (a real build of
 * the host target; each checkout is fresh, so every build job compiles). The example's release
 * profile asks for LTO with one codegen unit, which takes 7-20 s a build on our loaded two cores,
 * several times per test: this runner switches LTO off through cargo's profile variables. The
 * bytes differ from a release build but the test only compares this runner's builds with each other.
 * The other labels are this machine too, with stand-in toolchains (no macOS or Windows here), and Go
 * is a stand-in everywhere: Go is not installed on our machines nor on the CI machine.
 */
/** The command's file on `path`, if any. */
function onPath(command: string, path: string): string | undefined {
  return path.split(':').filter((dir) => dir !== '').map((dir) => join(dir, command)).find((file) => existsSync(file));
}

function machines(example: Example, work: string): Record<string, Machine> {
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    CARGO_HOME: process.env.CARGO_HOME ?? join(process.env.HOME ?? '/root', '.cargo'),
    RUSTUP_HOME: process.env.RUSTUP_HOME ?? join(process.env.HOME ?? '/root', '.rustup'),
  };
  const standIns = writeStandInToolchain(join(work, 'stand-in-toolchain'), example.dir === 'rust-cli' ? ['cargo', 'rustup'] : ['go']);
  let realPath = base.PATH!;
  if (example.dir === 'rust-cli') {
    if (!onPath('cargo', base.PATH!)) throw new Error('cargo is not on PATH: the Rust example builds linux-x64 with the real cargo (install Rust, e.g. rustup or apt-get install cargo)');
    // cargo without rustup (Debian's): the build line's `rustup target add` of the host target is
    // then a no-op stand-in, as on a runner that has the target.
    const rustup = onPath('rustup', base.PATH!);
    realPath = rustup
      ? `${writeOfflineRustup(join(work, 'offline-rustup'), rustup).bin}:${realPath}`
      : `${writeStandInToolchain(join(work, 'stand-in-rustup'), ['rustup']).bin}:${realPath}`;
  }
  const result: Record<string, Machine> = {};
  for (const target of example.targets) {
    const { label, os, arch } = LABELS[target]!;
    const real = example.dir === 'rust-cli' && label === 'ubuntu-latest';
    const env = real
      ? { ...base, PATH: realPath, CARGO_PROFILE_RELEASE_LTO: 'false', CARGO_PROFILE_RELEASE_CODEGEN_UNITS: '16', TMPDIR: join(work, 'tmp', label) }
      : { ...base, PATH: `${standIns.bin}:${base.PATH}`, TMPDIR: join(work, 'tmp', label) };
    mkdirSync(env.TMPDIR, { recursive: true });
    result[label] = { os, arch, env };
  }
  return result;
}

/**
 * DeployForge's actions as the pinned commit holds them: action.yml files and the bundles they run,
 * copied once, since `npm run build` replaces dist/ wholesale and a build mid-test (by anyone sharing
 * the checkout) would pull bundles from under a running workflow. Like the runner's copy of an action
 * at its SHA. bin/ too: the pull-request job checks this commit out to run the CLI.
 */
async function snapshotActions(dir: string, workflowFile: string): Promise<string> {
  // The bundles of the actions this workflow uses (an action added since the last build is not one).
  const bundles = [...new Set([...readFileSync(workflowFile, 'utf8').matchAll(/\/actions\/([a-z0-9-]+)@/g)].map((m) => m[1]!))];
  const complete = (): boolean => existsSync(join(repoRoot, 'package.json')) && bundles.every((name) => existsSync(join(repoRoot, 'dist/actions', `${name}.js`)));
  // A build in progress (another checkout user's) has dist/ half written for a second or two.
  for (let waited = 0; !complete() && waited < 30_000; waited += 500) await sleep(500);
  if (!complete()) throw new Error(`dist/actions lacks bundles for ${bundles.filter((n) => !existsSync(join(repoRoot, 'dist/actions', `${n}.js`))).join(', ')}: run \`npm run build\` first`);
  mkdirSync(dir, { recursive: true });
  for (const entry of ['action.yml', 'actions', 'bin', 'dist', 'package.json']) cpSync(join(repoRoot, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export async function startScenario(example: Example, work: string): Promise<ScenarioContext> {
  const servers = await startLocalServers(work, { repository: example.repository });
  try {
    const repo = await createExampleRepository(work, example, servers);
    return {
      example, work, servers, repo,
      secrets: { GITHUB_TOKEN },
      environmentSecrets: {
        release: {
          NPM_TOKEN: servers.services.DEPLOYFORGE_TEST_NPM_TOKEN,
          HOMEBREW_TAP_TOKEN: servers.services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN,
          SCOOP_BUCKET_TOKEN: servers.services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN,
        },
      },
      machines: machines(example, work),
      actionsRoot: await snapshotActions(join(work, 'deployforge-at-pinned-sha'), repo.workflowFile),
    };
  } catch (error) {
    await servers.close();
    throw error;
  }
}

let runs = 0;

/** A new run of the workflow at HEAD of the repository, for `event`. */
export async function startRun(ctx: ScenarioContext, event: WorkflowEvent, changes: Partial<RunSetup> = {}): Promise<WorkflowRun> {
  runs += 1;
  return runWorkflow({
    workflowFile: ctx.repo.workflowFile,
    origin: ctx.repo.dir,
    repository: ctx.example.repository,
    event,
    secrets: ctx.secrets,
    environmentSecrets: ctx.environmentSecrets,
    machines: ctx.machines,
    apiUrl: ctx.servers.gh.url,
    serverUrl: ctx.servers.gh.url,
    node24: node24(),
    actionsRoot: ctx.actionsRoot,
    // The workflow pins DeployForge's repository (the pull-request job checks out its CLI) to ACTIONS_SHA.
    repositories: { 'deployforge/deployforge': { dir: ctx.actionsRoot, ref: ACTIONS_SHA } },
    dir: join(ctx.work, 'runs', String(runs)),
    ...changes,
  });
}

export const tagPush = (version: string): WorkflowEvent => ({ name: 'push', ref: `refs/tags/v${version}` });
export const dispatch = (inputs: Record<string, string | boolean>): WorkflowEvent => ({ name: 'workflow_dispatch', ref: 'refs/heads/main', inputs });
/** Pull request `number` from branch `head` into main, just opened (or `changes`: a push to it, a fork's). */
export const pullRequest = (number: number, head: string, changes: Partial<PullRequestEvent> = {}): WorkflowEvent =>
  ({ name: 'pull_request', number, head, base: 'main', action: 'opened', ...changes });

/** status.json as the summarize job uploaded it (artifact deployforge-status). */
export function uploadedStatus(run: WorkflowRun): Record<string, any> {
  return JSON.parse(readFileSync(join(run.artifacts.dir, 'deployforge-status', 'status.json'), 'utf8')) as Record<string, any>;
}

