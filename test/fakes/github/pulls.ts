// Pull requests: list (state, head `owner:branch`, base filters) and create (422 when an open PR for
// the same head and base exists, or when head has no commits beyond base), as GitHub answers.

import type { Handler, RequestContext } from './context.js';
import { forkOwnedBy } from './forks.js';
import { gitData, nextPullIds, type FakePull } from './git-data.js';
import { findRepo } from './releases.js';
import { repositoryJson } from './repository-json.js';
import { nodeId, now, type FakeRepo, type FakeState } from './state.js';

function pullJson(ctx: RequestContext, repo: FakeRepo, pull: FakePull, full: boolean): Record<string, unknown> {
  const api = `${ctx.fake.url}/repos/${repo.owner}/${repo.name}`;
  const html = `${ctx.fake.url}/html/${repo.owner}/${repo.name}/pull/${pull.number}`;
  const url = `${api}/pulls/${pull.number}`;
  const git = gitData(repo);
  const side = (on: FakeRepo, ref: string, sha: string) => {
    const repoJson = repositoryJson(ctx.fake, on);
    return { label: `${on.owner}:${ref}`, ref, sha, user: repoJson.owner, repo: repoJson };
  };
  const head = headOf(ctx.fake.state, repo, pull.head);
  const json: Record<string, unknown> = {
    url, id: pull.id, node_id: nodeId('PR', pull.id), html_url: html,
    diff_url: `${html}.diff`, patch_url: `${html}.patch`, issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${url}/commits`, review_comments_url: `${url}/comments`, review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`, statuses_url: `${api}/statuses/${pull.headSha}`,
    number: pull.number, state: pull.state, locked: false, title: pull.title, user: ctx.fake.user, body: pull.body,
    labels: [], milestone: null, active_lock_reason: null,
    created_at: pull.createdAt, updated_at: pull.updatedAt, closed_at: null, merged_at: null, merge_commit_sha: null,
    assignee: null, assignees: [], requested_reviewers: [], requested_teams: [],
    head: side(head?.repo ?? repo, head?.branch ?? pull.head, pull.headSha), base: side(repo, pull.base, git.branches.get(pull.base) ?? pull.headSha),
    _links: {
      self: { href: url }, html: { href: html }, issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` }, review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` }, commits: { href: `${url}/commits` }, statuses: { href: `${api}/statuses/${pull.headSha}` },
    },
    author_association: 'OWNER', auto_merge: null, draft: false,
  };
  if (full) {
    Object.assign(json, {
      merged: pull.merged, mergeable: true, rebaseable: true, mergeable_state: 'clean', merged_by: null,
      comments: 0, review_comments: 0, maintainer_can_modify: false, commits: 1, additions: 1, deletions: 0, changed_files: 1,
    });
  }
  return json;
}

/**
 * `owner:branch` or `branch`: a branch of this repo when owner is the repo's owner, else a branch of
 * the fork of this repo that `owner` has (a cross-repository pull request). `key` is how the pull
 * stores its head: `branch` for this repo, `owner:branch` for a fork.
 */
function headOf(state: FakeState, repo: FakeRepo, head: string): { repo: FakeRepo; branch: string; key: string } | undefined {
  const [owner, branch] = head.includes(':') ? head.split(':', 2) : [repo.owner, head];
  if (!owner || !branch) return undefined;
  if (owner.toLowerCase() === repo.owner.toLowerCase()) return { repo, branch, key: branch };
  const fork = forkOwnedBy(state, repo, owner);
  return fork ? { repo: fork, branch, key: `${fork.owner}:${branch}` } : undefined;
}

const listPulls: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const state = String(ctx.query.state ?? 'open');
  const head = ctx.query.head === undefined ? undefined : headOf(ctx.fake.state, repo, String(ctx.query.head))?.key;
  const base = ctx.query.base === undefined ? undefined : String(ctx.query.base);
  const pulls = gitData(repo).pulls
    .filter((p) => state === 'all' || p.state === state)
    .filter((p) => (ctx.query.head === undefined ? true : p.head === head))
    .filter((p) => base === undefined || p.base === base)
    .sort((a, b) => b.number - a.number);
  ctx.send(200, pulls.map((p) => pullJson(ctx, repo, p, false)));
};

const createPull: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const body = ctx.body as { title?: string; head: string; base: string; body?: string };
  const git = gitData(repo);
  const head = headOf(ctx.fake.state, repo, body.head);
  const branch = head?.key;
  const headSha = head && gitData(head.repo).branches.get(head.branch);
  if (!head || !branch || !headSha) return ctx.error(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
  if (!git.branches.has(body.base)) return ctx.error(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
  if (git.branches.get(body.base) === headSha) {
    return ctx.error(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${body.base} and ${branch}` }]);
  }
  if (git.pulls.some((p) => p.state === 'open' && p.head === branch && p.base === body.base)) {
    return ctx.error(422, 'Validation Failed', [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${head.repo.owner}:${head.branch}.` }]);
  }
  const at = now();
  const pull: FakePull = {
    ...nextPullIds(git), title: body.title ?? head.branch, body: body.body ?? null, head: branch, headSha, base: body.base,
    state: 'open', merged: false, createdAt: at, updatedAt: at,
  };
  git.pulls.push(pull);
  ctx.send(201, pullJson(ctx, repo, pull, true), { location: `${ctx.fake.url}/repos/${repo.owner}/${repo.name}/pulls/${pull.number}` });
};

export const pullHandlers: Record<string, Handler> = {
  'pulls/list': listPulls,
  'pulls/create': createPull,
};
