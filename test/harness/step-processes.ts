// The two kinds of step that start a process: a JavaScript action of ours (its action.yml's
// runs.main under Node 24, inputs as INPUT_* variables) and a `run:` script in bash, both with the
// runner's command files (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseOutputFile } from '../helpers/run-action-bundle.js';
import { evaluateString, type Contexts } from './expressions.js';

export interface ProcessResult {
  code: number;
  log: string;
  outputs: Record<string, string>;
  env: Record<string, string>;
  path: string[];
  summary: string;
}

interface ActionYml {
  inputs?: Record<string, { default?: string }>;
  runs: { using: string; main: string };
}

/**
 * Where `uses: <owner>/deployforge/actions/<name>@<ref>` (or the root action) lives in this checkout.
 * The ref is not checked out: the harness runs the actions of the tree under test, as a pinned
 * workflow would run the commit it names.
 */
export function ownActionDir(uses: string, actionsRoot: string): string | undefined {
  const match = /^[^/]+\/deployforge(?:\/actions\/([a-z0-9-]+))?@[^\s]+$/.exec(uses);
  if (!match) return undefined;
  return match[1] ? join(actionsRoot, 'actions', match[1]) : actionsRoot;
}

/** Command files, fresh for each step, as the runner makes them. */
function commandFiles(temp: string): Record<'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_PATH' | 'GITHUB_STEP_SUMMARY', string> {
  const id = randomUUID();
  const files = {
    GITHUB_OUTPUT: join(temp, `output_${id}`),
    GITHUB_ENV: join(temp, `env_${id}`),
    GITHUB_PATH: join(temp, `path_${id}`),
    GITHUB_STEP_SUMMARY: join(temp, `summary_${id}`),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  return files;
}

function spawnLogged(command: string, args: string[], cwd: string, env: Record<string, string>, timeoutMs: number): Promise<{ code: number; log: string }> {
  return new Promise((resolvePromise, reject) => {
    // Its own process group, so a timeout ends the whole tree (as the runner does), not only the
    // shell while a child it started keeps the output pipe open.
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let log = '';
    const timer = setTimeout(() => {
      log += `\n##[error]The job has exceeded the maximum execution time (timeout-minutes)\n`;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.once('error', (error) => (clearTimeout(timer), reject(error)));
    child.once('close', (code, signal) => (clearTimeout(timer), resolvePromise({ code: code ?? (signal ? 128 : 1), log })));
  });
}

async function runWithCommandFiles(
  command: string, args: string[], cwd: string, env: Record<string, string>, temp: string, timeoutMs: number,
): Promise<ProcessResult> {
  const files = commandFiles(temp);
  const { code, log } = await spawnLogged(command, args, cwd, { ...env, ...files }, timeoutMs);
  return {
    code,
    log,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    env: parseOutputFile(readFileSync(files.GITHUB_ENV, 'utf8')),
    path: readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}

/**
 * Runs one of our actions from its action.yml: every declared input gets `with:` or its default
 * (defaults may hold `${{ github.token }}`); a `with:` key the action does not declare fails the step,
 * where GitHub only warns, because it is always a generator bug (a misspelt input is silently empty).
 */
export async function runOwnAction(
  actionDir: string, withValues: Record<string, string>, contexts: Contexts,
  options: { node: string; cwd: string; env: Record<string, string>; temp: string; timeoutMs: number },
): Promise<ProcessResult> {
  const action = parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as ActionYml;
  if (action.runs.using !== 'node24') throw new Error(`harness: ${actionDir}/action.yml runs.using ${action.runs.using}: only node24 is implemented`);
  const declared = action.inputs ?? {};
  const unknown = Object.keys(withValues).filter((k) => !(k in declared));
  if (unknown.length > 0) throw new Error(`harness: ${actionDir}/action.yml declares no input ${unknown.join(', ')}`);
  const env: Record<string, string> = { ...options.env, GITHUB_ACTION_PATH: actionDir };
  for (const [name, spec] of Object.entries(declared)) {
    const value = name in withValues ? withValues[name]! : evaluateString(spec.default ?? '', contexts);
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  const main = resolve(dirname(join(actionDir, 'action.yml')), action.runs.main);
  return runWithCommandFiles(options.node, [main], options.cwd, env, options.temp, options.timeoutMs);
}

/** A `run:` step as `shell: bash` runs it on Linux: `bash --noprofile --norc -eo pipefail {0}`. */
export async function runBash(
  script: string, options: { cwd: string; env: Record<string, string>; temp: string; timeoutMs: number },
): Promise<ProcessResult> {
  const file = join(options.temp, `${randomUUID()}.sh`);
  writeFileSync(file, script);
  return runWithCommandFiles('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], options.cwd, options.env, options.temp, options.timeoutMs);
}
