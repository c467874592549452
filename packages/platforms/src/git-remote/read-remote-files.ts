import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openGitSession, type GitTarget } from './git-session.js';
import { fetchBranch, lookUpRemoteBranch } from './remote-branch.js';

/** A branch of a remote as it is now, readable file by file. */
export interface RemoteSnapshot {
  branch: string;
  /** Undefined when the branch does not exist yet. */
  commit?: string;
  /** A file's text at the tip, or undefined when the branch or the file does not exist. */
  read(path: string): Promise<string | undefined>;
  /** A file's bytes at the tip (binary files: packages), or undefined like `read`. */
  readBytes?(path: string): Promise<Buffer | undefined>;
  /** Every file at the tip: path → git blob id and mode (`100644`, `100755`, `120000`). */
  tree(): Promise<Map<string, { blob: string; mode: string }>>;
  /** The tip commit's subject line ('' when the branch does not exist). */
  subject(): Promise<string>;
}

/**
 * Looks at a branch without a full clone: `ls-remote`, then a depth-1 fetch, then `git show` per
 * file. Used by every check and status, which must not write anything anywhere.
 */
export async function readRemoteBranch(target: GitTarget, branch: string | undefined, doing: string): Promise<RemoteSnapshot> {
  const session = await openGitSession(target);
  const found = await lookUpRemoteBranch(session, branch, doing);
  if (!found.commit) {
    return { branch: found.branch, read: async () => undefined, tree: async () => new Map(), subject: async () => '' };
  }
  const commit = await fetchBranch(session, found.branch, doing, 1);
  return {
    branch: found.branch,
    commit,
    async read(path) {
      const result = await session.localResult(['show', `${commit}:${path}`]);
      return result.code === 0 ? result.stdout : undefined;
    },
    async readBytes(path) {
      // git's output reaches us as text; a checkout into a folder of the scratch repository keeps
      // the bytes as they are.
      const files = join(session.dir, '.deployforge-bytes');
      await mkdir(files, { recursive: true });
      const result = await session.localResult(['--work-tree', files, 'checkout', commit, '--', path]);
      return result.code === 0 ? readFile(join(files, path)) : undefined;
    },
    async tree() {
      const out = await session.local(['ls-tree', '-r', '-z', '--full-tree', commit]);
      const entries = new Map<string, { blob: string; mode: string }>();
      for (const record of out.split('\0')) {
        const m = /^(\d{6}) blob ([0-9a-f]+)\t(.+)$/s.exec(record);
        if (m) entries.set(m[3]!, { blob: m[2]!, mode: m[1]! });
      }
      return entries;
    },
    async subject() {
      return (await session.local(['log', '-1', '--format=%s', commit])).trim();
    },
  };
}
