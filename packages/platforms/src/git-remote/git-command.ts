import { spawn } from 'node:child_process';
import { authConfigEntries, type GitAuth } from './git-auth.js';
import { httpOrigin, isHttpRemote } from './remote-url.js';

export interface GitRunOptions {
  cwd: string;
  /** The remote this command talks to, when it talks to one: decides where the auth header goes. */
  remoteUrl?: string;
  auth?: GitAuth;
  /** Extra variables from the spoke's env that steer git (GIT_SSH_COMMAND for ssh remotes). */
  passEnv?: Readonly<Record<string, string | undefined>>;
  stdin?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A git command that failed, with git's own words (they name the URL and the reason). */
export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';
  constructor(readonly args: readonly string[], readonly result: GitResult) {
    super(`git ${args[0] ?? ''} failed (exit ${result.code}): ${summarizeGitError(result.stderr || result.stdout)}`);
  }
}

/** Git's stderr is chatty (hints, progress): keep the lines that say what went wrong. */
function summarizeGitError(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('hint:'));
  return lines.slice(-4).join(' | ') || 'no output';
}

// Settings every run needs regardless of the user's own git config: no credential helper (a bad
// token must fail, not fall back to a stored one or hang on a prompt), no signing, no hooks.
const FIXED_CONFIG: [string, string][] = [
  ['credential.helper', ''],
  ['commit.gpgSign', 'false'],
  ['tag.gpgSign', 'false'],
  ['core.hooksPath', '/dev/null'],
  ['init.defaultBranch', 'main'],
  ['advice.detachedHead', 'false'],
];

const IDENTITY = {
  GIT_AUTHOR_NAME: 'DeployForge',
  GIT_AUTHOR_EMAIL: 'deployforge@users.noreply.github.com',
  GIT_COMMITTER_NAME: 'DeployForge',
  GIT_COMMITTER_EMAIL: 'deployforge@users.noreply.github.com',
};

/** The child's environment: the machine's (PATH, HOME, proxies) without GIT_* steering, plus ours. */
function gitEnv(options: GitRunOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('GIT_')) continue;
    env[key] = value;
  }
  const config = [...FIXED_CONFIG];
  if (options.remoteUrl && isHttpRemote(options.remoteUrl)) {
    config.push(...authConfigEntries(httpOrigin(options.remoteUrl), options.auth));
  }
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  env['GIT_CONFIG_COUNT'] = String(config.length);
  const pass = options.passEnv ?? {};
  const identity = Object.fromEntries(
    Object.entries(IDENTITY).map(([key, fallback]) => [key, pass[key] || fallback]),
  );
  return {
    ...env,
    ...identity,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    ...(pass['GIT_SSH_COMMAND'] ? { GIT_SSH_COMMAND: pass['GIT_SSH_COMMAND'] } : {}),
    // Messages are matched (rejected pushes, missing refs): keep them in English.
    LC_ALL: 'C',
  };
}

/** Runs git; resolves with its output whatever the exit code. */
export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: gitEnv(options),
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 5 * 60_000,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? '');
  });
}

/** Runs git and throws a GitCommandError on a non-zero exit. */
export async function gitOk(args: readonly string[], options: GitRunOptions): Promise<string> {
  const result = await runGit(args, options);
  if (result.code !== 0) throw new GitCommandError(args, result);
  return result.stdout;
}
