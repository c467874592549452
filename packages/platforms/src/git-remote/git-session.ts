import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitAuth } from './git-auth.js';
import { gitOk, runGit, GitCommandError, type GitResult, type GitRunOptions } from './git-command.js';
import type { GitRemote } from './remote-url.js';

/** What a spoke hands the git helpers: the remote, how to authenticate, and where to work. */
export interface GitTarget {
  remote: GitRemote;
  auth?: GitAuth;
  /** The env variable that holds the token, named in authentication errors. */
  credentialName?: string;
  /** The spoke's env: GIT_SSH_COMMAND and the commit identity (GIT_AUTHOR_NAME…) come from here. */
  env: Readonly<Record<string, string | undefined>>;
  /** A folder this spoke owns; each session gets a fresh repository inside it. */
  workDir: string;
  signal?: AbortSignal;
}

/**
 * A scratch repository for one operation on one remote. Every command that reaches the remote goes
 * through `remote()`, which is the only place the auth header is attached.
 */
export interface GitSession {
  dir: string;
  target: GitTarget;
  local(args: readonly string[], stdin?: string): Promise<string>;
  localResult(args: readonly string[]): Promise<GitResult>;
  remote(args: readonly string[]): Promise<GitResult>;
}

export async function openGitSession(target: GitTarget): Promise<GitSession> {
  const dir = await mkdtemp(join(target.workDir, 'git-'));
  const base: GitRunOptions = { cwd: dir, passEnv: target.env, ...(target.signal ? { signal: target.signal } : {}) };
  await gitOk(['init', '-q'], base);
  return {
    dir,
    target,
    local: (args, stdin) => gitOk(args, { ...base, ...(stdin !== undefined ? { stdin } : {}) }),
    localResult: (args) => runGit(args, base),
    remote: (args) => runGit(args, { ...base, remoteUrl: target.remote.url, ...(target.auth ? { auth: target.auth } : {}) }),
  };
}

/** Turns git's failure to reach the remote into a message that says which credential to check. */
export function remoteError(target: GitTarget, doing: string, args: readonly string[], result: GitResult): Error {
  const text = `${result.stderr}\n${result.stdout}`;
  const where = target.remote.spec;
  if (/Authentication failed|could not read (?:Username|Password)|terminal prompts disabled|HTTP 40[13]|returned error: 40[13]|Permission denied|Invalid username or (?:password|token)/i.test(text)) {
    const cred = target.credentialName;
    const hint = !target.auth && cred
      ? `${cred} is not set`
      : cred ? `check that ${cred} is valid and may write to ${where}` : `check the credentials for ${where}`;
    return new Error(`${doing}: authentication to ${where} failed; ${hint}`);
  }
  if (/repository .* not found|does not appear to be a git repository|not found|404/i.test(text)) {
    return new Error(`${doing}: ${where} was not found (or the credential cannot see it)`);
  }
  return new Error(`${doing}: ${new GitCommandError(args, result).message}`);
}
