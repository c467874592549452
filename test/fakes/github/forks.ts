// Forks: create-fork (202 with the fork; asking again answers the existing fork, as GitHub does) and
// merge-upstream (sync a fork's branch with its parent's default branch: fast-forward, "not behind"
// as merge_type none, 409 when the fork has diverged). The fork relation lives here, beside the git
// data; pulls.ts asks `forkParent` to accept `owner:branch` heads from a fork of the base repo.

import type { Handler } from './context.js';
import { gitData } from './git-data.js';
import { findRepo } from './releases.js';
import { repositoryJson } from './repository-json.js';
import type { FakeRepo, FakeState } from './state.js';

const parents = new WeakMap<FakeRepo, FakeRepo>();

/** The repository a fork was made from; undefined for a repository that is not a fork. */
export function forkParent(repo: FakeRepo): FakeRepo | undefined {
  return parents.get(repo);
}

/**
 * Test seeding: make `fork` (created when missing) a fork of `upstream`, with a copy of its branches
 * and commits, as GitHub's fork operation leaves it.
 */
export function seedFork(state: FakeState, upstream: string, fork: string): FakeRepo {
  const parent = state.repo(upstream) ?? state.addRepo(upstream);
  const child = state.repo(fork) ?? state.addRepo(fork);
  const from = gitData(parent);
  const to = gitData(child);
  to.defaultBranch = from.defaultBranch;
  to.branches = new Map(from.branches);
  to.commits = new Map(from.commits);
  parents.set(child, parent);
  return child;
}

/** The fork of `upstream` owned by `owner`, if there is one. */
export function forkOwnedBy(state: FakeState, upstream: FakeRepo, owner: string): FakeRepo | undefined {
  for (const repo of state.repos.values()) {
    if (parents.get(repo) === upstream && repo.owner.toLowerCase() === owner.toLowerCase()) return repo;
  }
  return undefined;
}

const createFork: Handler = (ctx) => {
  const upstream = findRepo(ctx);
  if (!upstream) return;
  const body = (ctx.body ?? {}) as { organization?: string; name?: string };
  const owner = body.organization ?? String(ctx.fake.user.login);
  const existing = forkOwnedBy(ctx.fake.state, upstream, owner);
  if (existing) return ctx.send(202, repositoryJson(ctx.fake, existing));
  const name = body.name ?? upstream.name;
  if (ctx.fake.state.repos.has(`${owner}/${name}`.toLowerCase())) {
    return ctx.error(422, 'Validation Failed', [{ resource: 'Repository', field: 'name', code: 'already_exists' }]);
  }
  ctx.send(202, repositoryJson(ctx.fake, seedFork(ctx.fake.state, `${upstream.owner}/${upstream.name}`, `${owner}/${name}`)));
};

function isAncestor(commits: Map<string, { parent: string | null }>, ancestor: string, sha: string): boolean {
  for (let at: string | null = sha; at; at = commits.get(at)?.parent ?? null) if (at === ancestor) return true;
  return false;
}

const mergeUpstream: Handler = (ctx) => {
  const fork = findRepo(ctx);
  if (!fork) return;
  const parent = forkParent(fork);
  const branch = String((ctx.body as { branch: string }).branch);
  const mine = gitData(fork);
  const current = mine.branches.get(branch);
  if (!parent || !current) return ctx.error(422, parent ? `Branch ${branch} not found` : 'This repository is not a fork');
  const theirs = gitData(parent);
  const upstreamHead = theirs.branches.get(theirs.defaultBranch)!;
  const base = `${parent.owner}:${theirs.defaultBranch}`;
  if (current === upstreamHead || isAncestor(mine.commits, upstreamHead, current)) {
    return ctx.send(200, { message: 'This branch is not behind the upstream', merge_type: 'none', base_branch: base });
  }
  if (!isAncestor(theirs.commits, current, upstreamHead)) return ctx.error(409, 'There are merge conflicts');
  for (const [sha, commit] of theirs.commits) mine.commits.set(sha, commit);
  mine.branches.set(branch, upstreamHead);
  ctx.send(200, { message: `Successfully fetched and fast-forwarded from upstream ${base}.`, merge_type: 'fast-forward', base_branch: base });
};

export const forkHandlers: Record<string, Handler> = {
  'repos/create-fork': createFork,
  'repos/merge-upstream': mergeUpstream,
};
