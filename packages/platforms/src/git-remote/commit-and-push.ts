import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RenderedFile } from '../platform.js';
import { openGitSession, remoteError, type GitSession, type GitTarget } from './git-session.js';
import { fetchBranch, lookUpRemoteBranch } from './remote-branch.js';

export interface CommitRequest {
  /** The branch to commit on top of. Default: the remote's default branch. */
  branch?: string;
  /**
   * Push the commit to this branch instead of `branch` (a pull-request branch). It is ours: an older
   * push to it is replaced, unless it already holds exactly this tree.
   */
  pushBranch?: string;
  files: readonly RenderedFile[];
  /** Make the tree exactly `files`: everything else on the branch is deleted (a Space mirrors a folder). */
  mirror?: boolean;
  /** First line `hello-forge 1.0.0`, then a blank line and the body. */
  subject: string;
  body?: string;
}

export interface CommitResult {
  /** False when the branch already held exactly these files: nothing was committed or pushed. */
  changed: boolean;
  /** The branch the files are on now (the pull-request branch when one was used). */
  branch: string;
  /** The branch the commit is based on. */
  baseBranch: string;
  commit: string;
  /** Pushes that were rejected because the branch moved meanwhile, then rebased and retried. */
  retries: number;
}

const REJECTED = /\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|failed to update ref|cannot lock ref/i;

/**
 * The one write path of every git-committed package: fetch the branch, write the files, commit,
 * push. Identical content makes no commit and no push, so a re-run writes nothing. A push that
 * loses a race (someone pushed meanwhile) is rebased onto the new tip and pushed once more.
 */
export async function commitAndPush(target: GitTarget, request: CommitRequest): Promise<CommitResult> {
  const doing = `committing to ${target.remote.spec}`;
  const session = await openGitSession(target);
  const base = await lookUpRemoteBranch(session, request.branch, doing);
  const branch = base.branch;
  if (base.commit) {
    await fetchBranch(session, branch, doing);
    await session.local(['checkout', '-q', '-B', 'deployforge-work', `refs/remotes/origin/${branch}`]);
  } else {
    await session.local(['checkout', '-q', '--orphan', 'deployforge-work']);
  }

  await writeTree(session, request);
  await session.local(['add', '-A']);
  const staged = await session.localResult(['diff', '--cached', '--quiet']);
  const pushTo = request.pushBranch ?? branch;
  if (staged.code === 0 && base.commit && !request.pushBranch) {
    return { changed: false, branch, baseBranch: branch, commit: base.commit, retries: 0 };
  }
  if (staged.code === 0 && !base.commit && request.files.length === 0) {
    throw new Error(`${doing}: nothing to commit to the empty branch ${branch}`);
  }
  if (staged.code === 0 && request.pushBranch) {
    // The base already has these files: a pull request would be empty.
    return { changed: false, branch, baseBranch: branch, commit: base.commit!, retries: 0 };
  }
  const message = request.body ? `${request.subject}\n\n${request.body}\n` : `${request.subject}\n`;
  await session.local(['commit', '-q', '--no-verify', '-F', '-'], message);

  if (request.pushBranch) return pushPullRequestBranch(session, doing, branch, request.pushBranch);
  return pushWithRetry(session, doing, branch, pushTo);
}

/** Writes the files into the work tree; in mirror mode first removes every tracked file. */
async function writeTree(session: GitSession, request: CommitRequest): Promise<void> {
  if (request.mirror) {
    const tracked = (await session.local(['ls-files', '-z'])).split('\0').filter(Boolean);
    await Promise.all(tracked.map((path) => rm(join(session.dir, path), { force: true })));
  }
  for (const file of request.files) {
    if (file.path.split('/').some((part) => part === '..' || part === '.git') || file.path.startsWith('/')) {
      throw new Error(`refusing to write ${JSON.stringify(file.path)} outside the repository`);
    }
    const full = join(session.dir, file.path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, file.contents);
    // Git records only the executable bit; keep it exactly as rendered so re-runs compare equal.
    await chmod(full, (file.mode ?? 0o644) & 0o111 ? 0o755 : 0o644);
  }
}

async function head(session: GitSession): Promise<string> {
  return (await session.local(['rev-parse', 'HEAD'])).trim();
}

async function pushWithRetry(session: GitSession, doing: string, branch: string, pushTo: string): Promise<CommitResult> {
  const url = session.target.remote.url;
  for (let attempt = 0; ; attempt++) {
    const args = ['push', '-q', '--porcelain', url, `HEAD:refs/heads/${pushTo}`];
    const result = await session.remote(args);
    if (result.code === 0) return { changed: true, branch: pushTo, baseBranch: branch, commit: await head(session), retries: attempt };
    const text = `${result.stderr}\n${result.stdout}`;
    if (!REJECTED.test(text) || attempt >= 1) throw remoteError(session.target, doing, args.slice(0, 1), result);
    // Lost a race: someone pushed to the branch after we fetched it. Replay our commit on the new
    // tip; if that tip already has the same files, git drops our commit as empty and we are done.
    await fetchBranch(session, branch, doing);
    const rebase = await session.localResult(['rebase', '-q', `refs/remotes/origin/${branch}`]);
    if (rebase.code !== 0) {
      await session.localResult(['rebase', '--abort']);
      throw new Error(`${doing}: ${branch} changed while publishing and our commit does not apply on top of it; re-run to start from the new state`);
    }
    const tip = (await session.local(['rev-parse', `refs/remotes/origin/${branch}`])).trim();
    if ((await head(session)) === tip) return { changed: false, branch, baseBranch: branch, commit: tip, retries: attempt + 1 };
  }
}

/**
 * A pull-request branch belongs to this tool: when it already holds the same tree nothing is
 * pushed; otherwise it is replaced (force), since an earlier run's branch is stale by definition.
 */
async function pushPullRequestBranch(session: GitSession, doing: string, base: string, prBranch: string): Promise<CommitResult> {
  const existing = await lookUpRemoteBranch(session, prBranch, doing);
  const commit = await head(session);
  if (existing.commit) {
    await fetchBranch(session, prBranch, doing, 1);
    const [theirs, ours] = await Promise.all([
      session.local(['rev-parse', `refs/remotes/origin/${prBranch}^{tree}`]),
      session.local(['rev-parse', 'HEAD^{tree}']),
    ]);
    if (theirs.trim() === ours.trim()) return { changed: false, branch: prBranch, baseBranch: base, commit: existing.commit, retries: 0 };
  }
  const args = ['push', '-q', '--porcelain', session.target.remote.url, `+HEAD:refs/heads/${prBranch}`];
  const result = await session.remote(args);
  if (result.code !== 0) throw remoteError(session.target, doing, args.slice(0, 1), result);
  return { changed: true, branch: prBranch, baseBranch: base, commit, retries: 0 };
}
