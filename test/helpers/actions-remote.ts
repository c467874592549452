import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEPLOYFORGE_RELEASE } from '@deployforge/workflow';

export interface ActionsRemote {
  /** A file:// URL for DEPLOYFORGE_ACTIONS_GIT_URL: `generate` resolves tags there, never on github.com. */
  url: string;
  /** The commit every tag points at. */
  sha: string;
}

/** A URL where no repository is: `generate` behaves as it does offline. */
export const OFFLINE_ACTIONS_URL = pathToFileURL(join(tmpdir(), 'deployforge-no-such-actions-repo.git')).href;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@127.0.0.1', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@127.0.0.1' },
  }).trim();
}

/**
 * A stand-in for the DeployForge repository: one commit, the release generating as a lightweight
 * tag and `tags` as annotated ones (whose `^{}` line names the commit), in a bare repository.
 */
export function createActionsRemote(tags: readonly string[] = []): ActionsRemote {
  const work = mkdtempSync(join(tmpdir(), 'df-actions-src-'));
  git(work, 'init', '-q');
  writeFileSync(join(work, 'README.md'), 'actions\n');
  git(work, 'add', 'README.md');
  git(work, 'commit', '-q', '-m', 'actions');
  const sha = git(work, 'rev-parse', 'HEAD');
  git(work, 'tag', DEPLOYFORGE_RELEASE);
  for (const tag of tags) git(work, 'tag', '-a', '-m', tag, tag);
  const bare = join(mkdtempSync(join(tmpdir(), 'df-actions-')), 'deployforge.git');
  git(work, 'clone', '-q', '--bare', work, bare);
  return { url: pathToFileURL(bare).href, sha };
}

let shared: ActionsRemote | undefined;

/** One remote per test process, with the tags the CLI tests use. */
export function sharedActionsRemote(): ActionsRemote {
  shared ??= createActionsRemote(['v1.2.0', 'v2']);
  return shared;
}
