// Git refs of branches (`heads/<branch>`) and tags (`tags/<name>`): get, create (422 "Reference already
// exists"), update (fast-forward unless force; 422 "Update is not a fast forward"). A tag ref names a
// commit (lightweight) or a tag object (annotated, `object.type: tag`), as GitHub answers.

import type { Handler, RequestContext } from './context.js';
import { gitData, type GitData } from './git-data.js';
import { findRepo } from './releases.js';
import { nodeId, type FakeRepo } from './state.js';

type RefName = { kind: 'heads' | 'tags'; name: string };

function refJson(ctx: RequestContext, repo: FakeRepo, ref: RefName, target: { sha: string; type: string }): Record<string, unknown> {
  const api = `${ctx.fake.url}/repos/${repo.owner}/${repo.name}`;
  return {
    ref: `refs/${ref.kind}/${ref.name}`,
    node_id: nodeId('REF', repo.id),
    url: `${api}/git/refs/${ref.kind}/${ref.name}`,
    object: { type: target.type, sha: target.sha, url: `${api}/git/${target.type === 'tag' ? 'tags' : 'commits'}/${target.sha}` },
  };
}

function refOf(ref: unknown): RefName | undefined {
  const m = /^(?:refs\/)?(heads|tags)\/(.+)$/.exec(String(ref));
  return m ? { kind: m[1] as RefName['kind'], name: m[2]! } : undefined;
}

function lookup(git: GitData, ref: RefName): { sha: string; type: 'commit' | 'tag' } | undefined {
  if (ref.kind === 'tags') return git.tags.get(ref.name);
  const sha = git.branches.get(ref.name);
  return sha ? { sha, type: 'commit' } : undefined;
}

function isAncestor(git: GitData, ancestor: string, sha: string): boolean {
  for (let at: string | null = sha; at; at = git.commits.get(at)?.parent ?? null) if (at === ancestor) return true;
  return false;
}

/** The commit an annotated tag object ends at (the fast-forward rule compares commits). */
function peel(git: GitData, target: { sha: string; type: string }): string {
  let at = target;
  while (at.type === 'tag') at = git.tagObjects.get(at.sha)?.object ?? { sha: at.sha, type: 'commit' };
  return at.sha;
}

const getRef: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const ref = refOf(ctx.params.ref);
  const target = ref && lookup(gitData(repo), ref);
  if (!ref || !target) return ctx.error(404, 'Not Found');
  ctx.send(200, refJson(ctx, repo, ref, target));
};

const createRef: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const body = ctx.body as { ref?: string; sha?: string };
  const git = gitData(repo);
  const ref = body.ref?.startsWith('refs/') ? refOf(body.ref) : undefined;
  if (!ref) return ctx.error(422, 'Reference name must start with refs/heads/ or refs/tags/ (the fake models these only)');
  const isTagObject = ref.kind === 'tags' && body.sha !== undefined && git.tagObjects.has(body.sha);
  if (!body.sha || !(git.commits.has(body.sha) || isTagObject)) return ctx.error(422, 'Object does not exist');
  if (lookup(git, ref)) return ctx.error(422, 'Reference already exists');
  const target = { sha: body.sha, type: isTagObject ? 'tag' as const : 'commit' as const };
  if (ref.kind === 'tags') git.tags.set(ref.name, target);
  else git.branches.set(ref.name, body.sha);
  ctx.send(201, refJson(ctx, repo, ref, target), { location: `${ctx.fake.url}/repos/${repo.owner}/${repo.name}/git/refs/${ref.kind}/${ref.name}` });
};

const updateRef: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const body = ctx.body as { sha?: string; force?: boolean };
  const git = gitData(repo);
  const ref = refOf(ctx.params.ref);
  const current = ref && lookup(git, ref);
  if (!ref || !current) return ctx.error(422, 'Reference does not exist');
  if (!body.sha || !git.commits.has(body.sha)) return ctx.error(422, 'Object does not exist');
  if (!body.force && !isAncestor(git, peel(git, current), body.sha)) return ctx.error(422, 'Update is not a fast forward');
  const target = { sha: body.sha, type: 'commit' as const };
  if (ref.kind === 'tags') git.tags.set(ref.name, target);
  else git.branches.set(ref.name, body.sha);
  ctx.send(200, refJson(ctx, repo, ref, target));
};

export const refHandlers: Record<string, Handler> = {
  'git/get-ref': getRef,
  'git/create-ref': createRef,
  'git/update-ref': updateRef,
};
