// The git side of a fake repo (branches, commits, files, pull requests), kept beside the release state
// rather than in it: handlers for refs/contents/pulls read and write it, tests seed it with seedFiles().
// Commits are snapshots (path → content); SHAs are real git-style SHA-1s over the content, so a client
// that compares blob SHAs sees GitHub's values.

import { createHash } from 'node:crypto';
import type { FakeRepo } from './state.js';
import { now } from './state.js';

export interface FakeCommit {
  sha: string;
  message: string;
  parent: string | null;
  files: Map<string, string>;
  date: string;
}

export interface FakePull {
  id: number;
  number: number;
  title: string;
  body: string | null;
  /** Branch name in the same repo (`branch`), or `owner:branch` for a fork. */
  head: string;
  headSha: string;
  base: string;
  state: 'open' | 'closed';
  merged: boolean;
  createdAt: string;
  updatedAt: string;
}

/** An annotated tag object (`git tag -a`): its ref names this object, which names the commit. */
export interface FakeTagObject {
  sha: string;
  tag: string;
  message: string;
  /** The commit (or another tag object) it points at. */
  object: { sha: string; type: 'commit' | 'tag' };
  date: string;
}

export interface GitData {
  defaultBranch: string;
  /** Branch name → commit sha. */
  branches: Map<string, string>;
  /** Tag name → what `refs/tags/<name>` points at: a commit (lightweight tag) or a tag object (annotated). */
  tags: Map<string, { sha: string; type: 'commit' | 'tag' }>;
  tagObjects: Map<string, FakeTagObject>;
  commits: Map<string, FakeCommit>;
  pulls: FakePull[];
  nextPull: number;
}

const data = new WeakMap<FakeRepo, GitData>();
let pullIds = 2_000_000;

/** Git's blob id of a file's content: what `sha` means on the contents API. */
export function blobSha(content: string | Buffer): string {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function commitSha(files: Map<string, string>, parent: string | null, message: string): string {
  const h = createHash('sha1').update(`${parent ?? ''}\n${message}\n`);
  for (const [path, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) h.update(`${path}\0${blobSha(content)}\n`);
  return h.digest('hex');
}

/** The repo's git data, created on first use with an initial commit on `main`. */
export function gitData(repo: FakeRepo): GitData {
  let git = data.get(repo);
  if (!git) {
    const files = new Map<string, string>();
    const sha = commitSha(files, null, 'Initial commit');
    git = {
      defaultBranch: 'main',
      branches: new Map([['main', sha]]),
      tags: new Map(),
      tagObjects: new Map(),
      commits: new Map([[sha, { sha, message: 'Initial commit', parent: null, files, date: now() }]]),
      pulls: [],
      nextPull: 1,
    };
    data.set(repo, git);
  }
  return git;
}

/** Adds a commit on `branch` (created from the default branch when missing) with files replaced/added. */
export function commitFiles(repo: FakeRepo, branch: string, changes: Record<string, string>, message = 'Update files'): FakeCommit {
  const git = gitData(repo);
  const parentSha = git.branches.get(branch) ?? git.branches.get(git.defaultBranch)!;
  const parent = git.commits.get(parentSha)!;
  const files = new Map(parent.files);
  for (const [path, content] of Object.entries(changes)) files.set(path, content);
  const sha = commitSha(files, parentSha, message);
  const commit: FakeCommit = { sha, message, parent: parentSha, files, date: now() };
  git.commits.set(sha, commit);
  git.branches.set(branch, sha);
  return commit;
}

/** Test seeding: put files on a branch of a repo in one commit. */
export const seedFiles = commitFiles;

export function nextPullIds(git: GitData): { id: number; number: number } {
  pullIds += 1;
  return { id: pullIds, number: git.nextPull++ };
}

/**
 * Test seeding, like `git tag` + `git push`: a lightweight tag on a commit, or with `message` an
 * annotated one (a tag object whose ref the API peels with GET /git/tags/{sha}).
 */
export function seedTag(repo: FakeRepo, name: string, commitSha: string, message?: string): void {
  const git = gitData(repo);
  if (!git.commits.has(commitSha)) throw new Error(`seedTag: ${commitSha} is not a commit of ${repo.owner}/${repo.name}`);
  if (message === undefined) {
    git.tags.set(name, { sha: commitSha, type: 'commit' });
    return;
  }
  const sha = createHash('sha1').update(`tag ${name}\n${commitSha}\n${message}`).digest('hex');
  git.tagObjects.set(sha, { sha, tag: name, message, object: { sha: commitSha, type: 'commit' }, date: now() });
  git.tags.set(name, { sha, type: 'tag' });
}

/**
 * What GitHub does when a release is published for a tag that does not exist yet: the tag is created
 * at `target_commitish` (a branch's head, or a commit sha). A tag that exists is left alone.
 */
export function tagOnPublish(repo: FakeRepo, tag: string, targetCommitish: string): void {
  const git = gitData(repo);
  if (git.tags.has(tag)) return;
  const sha = git.branches.get(targetCommitish) ?? (git.commits.has(targetCommitish) ? targetCommitish : undefined);
  if (sha) git.tags.set(tag, { sha, type: 'commit' });
}
