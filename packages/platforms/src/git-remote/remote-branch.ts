import { remoteError, type GitSession } from './git-session.js';

export interface RemoteBranch {
  /** The branch commits go to: the configured one, else the remote's default, else `main`. */
  branch: string;
  /** Its tip, or undefined when the branch (or the whole repository) is still empty. */
  commit?: string;
}

/**
 * One `ls-remote` answers both questions: what the default branch is (HEAD's symref) and where the
 * wanted branch points. An empty repository has neither; its first commit goes to `main`.
 */
export async function lookUpRemoteBranch(session: GitSession, configured: string | undefined, doing: string): Promise<RemoteBranch> {
  const args = ['ls-remote', '--symref', session.target.remote.url, 'HEAD', ...(configured ? [`refs/heads/${configured}`] : [])];
  const result = await session.remote(args);
  if (result.code !== 0) throw remoteError(session.target, doing, args.slice(0, 2), result);
  let defaultBranch: string | undefined;
  const heads = new Map<string, string>();
  for (const line of result.stdout.split('\n')) {
    const symref = /^ref: refs\/heads\/(\S+)\tHEAD$/.exec(line);
    if (symref) {
      defaultBranch = symref[1];
      continue;
    }
    const ref = /^([0-9a-f]{40,64})\trefs\/heads\/(\S+)$/.exec(line);
    if (ref) heads.set(ref[2]!, ref[1]!);
    const head = /^([0-9a-f]{40,64})\tHEAD$/.exec(line);
    if (head && defaultBranch && !heads.has(defaultBranch)) heads.set(defaultBranch, head[1]!);
  }
  const branch = configured ?? defaultBranch ?? 'main';
  const commit = heads.get(branch);
  return { branch, ...(commit ? { commit } : {}) };
}

/** Fetches `branch` into `refs/remotes/origin/<branch>`; `depth` 1 is enough to read files. */
export async function fetchBranch(session: GitSession, branch: string, doing: string, depth?: number): Promise<string> {
  const args = ['fetch', '-q', '--no-tags', ...(depth ? [`--depth=${depth}`] : []), session.target.remote.url,
    `+refs/heads/${branch}:refs/remotes/origin/${branch}`];
  const result = await session.remote(args);
  if (result.code !== 0) throw remoteError(session.target, doing, args.slice(0, 1), result);
  return (await session.local(['rev-parse', `refs/remotes/origin/${branch}`])).trim();
}
