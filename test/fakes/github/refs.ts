// Git refs of branches (`heads/<branch>`): get, create (422 "Reference already exists"), update
// (fast-forward unless force; 422 "Update is not a fast forward").

import type { Handler, RequestContext } from './context.js';
import { gitData, type GitData } from './git-data.js';
import { findRepo } from './releases.js';
import { nodeId, type FakeRepo } from './state.js';

function refJson(ctx: RequestContext, repo: FakeRepo, branch: string, sha: string): Record<string, unknown> {
  const api = `${ctx.fake.url}/repos/${repo.owner}/${repo.name}`;
  return {
    ref: `refs/heads/${branch}`,
    node_id: nodeId('REF', repo.id),
    url: `${api}/git/refs/heads/${branch}`,
    object: { type: 'commit', sha, url: `${api}/git/commits/${sha}` },
  };
}

function branchOf(ref: unknown): string | undefined {
  const m = /^(?:refs\/)?heads\/(.+)$/.exec(String(ref));
  return m?.[1];
}

function isAncestor(git: GitData, ancestor: string, sha: string): boolean {
  for (let at: string | null = sha; at; at = git.commits.get(at)?.parent ?? null) if (at === ancestor) return true;
  return false;
}

const getRef: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const branch = branchOf(ctx.params.ref);
  const sha = branch && gitData(repo).branches.get(branch);
  if (!branch || !sha) return ctx.error(404, 'Not Found');
  ctx.send(200, refJson(ctx, repo, branch, sha));
};

const createRef: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const body = ctx.body as { ref?: string; sha?: string };
  const git = gitData(repo);
  const branch = body.ref?.startsWith('refs/') ? branchOf(body.ref) : undefined;
  if (!branch) return ctx.error(422, 'Reference name must start with refs/heads/ (the fake models branches only)');
  if (!body.sha || !git.commits.has(body.sha)) return ctx.error(422, 'Object does not exist');
  if (git.branches.has(branch)) return ctx.error(422, 'Reference already exists');
  git.branches.set(branch, body.sha);
  ctx.send(201, refJson(ctx, repo, branch, body.sha), { location: `${ctx.fake.url}/repos/${repo.owner}/${repo.name}/git/refs/heads/${branch}` });
};

const updateRef: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const body = ctx.body as { sha?: string; force?: boolean };
  const git = gitData(repo);
  const branch = branchOf(ctx.params.ref);
  const current = branch && git.branches.get(branch);
  if (!branch || !current) return ctx.error(422, 'Reference does not exist');
  if (!body.sha || !git.commits.has(body.sha)) return ctx.error(422, 'Object does not exist');
  if (!body.force && !isAncestor(git, current, body.sha)) return ctx.error(422, 'Update is not a fast forward');
  git.branches.set(branch, body.sha);
  ctx.send(200, refJson(ctx, repo, branch, body.sha));
};

export const refHandlers: Record<string, Handler> = {
  'git/get-ref': getRef,
  'git/create-ref': createRef,
  'git/update-ref': updateRef,
};
