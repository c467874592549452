// Issues (list with state/labels filters, create, update: title, body, state, state_reason, labels) and
// a repository's GitHub Pages site (get), as GitHub answers them; what the drift issue (status.issues)
// and summarize's published history (status.pages) call. Issues share their numbers with pull requests.

import type { Handler, RequestContext } from './context.js';
import { gitData, nextPullIds } from './git-data.js';
import { findRepo } from './releases.js';
import { nodeId, now, type FakeRepo } from './state.js';

export interface FakeIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'reopened' | 'not_planned' | 'duplicate' | null;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

const issues = new WeakMap<FakeRepo, FakeIssue[]>();
const pagesSites = new WeakMap<FakeRepo, { htmlUrl: string; buildType: 'workflow' | 'legacy' }>();

/** The issues of a fake repo (tests read and seed them). */
export function issuesOf(repo: FakeRepo): FakeIssue[] {
  let list = issues.get(repo);
  if (!list) {
    list = [];
    issues.set(repo, list);
  }
  return list;
}

/** Test seeding: turn on GitHub Pages for a repo, served at `htmlUrl` (a 127.0.0.1 server in tests). */
export function seedPagesSite(repo: FakeRepo, htmlUrl: string, buildType: 'workflow' | 'legacy' = 'workflow'): void {
  pagesSites.set(repo, { htmlUrl, buildType });
}

/** Test seeding: an issue someone opened, numbered like GitHub (shared with pull requests). */
export function seedIssue(repo: FakeRepo, fields: { title: string; body?: string; labels?: string[] }): FakeIssue {
  const at = now();
  const issue: FakeIssue = {
    ...nextPullIds(gitData(repo)), title: fields.title, body: fields.body ?? null, state: 'open', stateReason: null,
    labels: fields.labels ?? [], createdAt: at, updatedAt: at, closedAt: null,
  };
  issuesOf(repo).push(issue);
  return issue;
}

function labelJson(api: string, name: string, i: number): Record<string, unknown> {
  return { id: 9000 + i, node_id: nodeId('LA', 9000 + i), url: `${api}/labels/${encodeURIComponent(name)}`, name, description: null, color: 'ededed', default: false };
}

function issueJson(ctx: RequestContext, repo: FakeRepo, issue: FakeIssue): Record<string, unknown> {
  const api = `${ctx.fake.url}/repos/${repo.owner}/${repo.name}`;
  const url = `${api}/issues/${issue.number}`;
  return {
    id: issue.id, node_id: nodeId('I', issue.id), url, repository_url: api,
    labels_url: `${url}/labels{/name}`, comments_url: `${url}/comments`, events_url: `${url}/events`,
    html_url: `${ctx.fake.url}/html/${repo.owner}/${repo.name}/issues/${issue.number}`,
    number: issue.number, state: issue.state, state_reason: issue.stateReason, title: issue.title, body: issue.body,
    user: ctx.fake.user, labels: issue.labels.map((l, i) => labelJson(api, l, i)), assignee: null, assignees: [], milestone: null,
    locked: false, active_lock_reason: null, comments: 0,
    created_at: issue.createdAt, updated_at: issue.updatedAt, closed_at: issue.closedAt, author_association: 'OWNER',
  };
}

function findIssue(ctx: RequestContext, repo: FakeRepo): FakeIssue | undefined {
  const issue = issuesOf(repo).find((i) => i.number === Number(ctx.params.issue_number));
  if (!issue) ctx.error(404, 'Not Found');
  return issue;
}

const listIssues: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const state = String(ctx.query.state ?? 'open');
  const labels = ctx.query.labels === undefined ? [] : String(ctx.query.labels).split(',').filter(Boolean);
  const perPage = Math.min(Number(ctx.query.per_page ?? 30), 100);
  const page = Number(ctx.query.page ?? 1);
  const all = issuesOf(repo)
    .filter((i) => state === 'all' || i.state === state)
    .filter((i) => labels.every((l) => i.labels.includes(l)))
    .sort((a, b) => b.number - a.number);
  const slice = all.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  if (page * perPage < all.length) {
    const next = new URL(`${ctx.fake.url}${ctx.record.path.split('?')[0]}`);
    for (const [k, v] of Object.entries(ctx.query)) next.searchParams.set(k, String(v));
    next.searchParams.set('page', String(page + 1));
    headers.link = `<${next.href}>; rel="next"`;
  }
  ctx.send(200, slice.map((i) => issueJson(ctx, repo, i)), headers);
};

const labelNames = (labels: unknown): string[] =>
  Array.isArray(labels) ? labels.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name ?? ''))).filter(Boolean) : [];

const createIssue: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const body = ctx.body as { title: string | number; body?: string | null; labels?: unknown };
  const issue = seedIssue(repo, { title: String(body.title), ...(body.body ? { body: body.body } : {}), labels: labelNames(body.labels) });
  ctx.send(201, issueJson(ctx, repo, issue), { location: `${ctx.fake.url}/repos/${repo.owner}/${repo.name}/issues/${issue.number}` });
};

const updateIssue: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const issue = findIssue(ctx, repo);
  if (!issue) return;
  const body = (ctx.body ?? {}) as { title?: string | number | null; body?: string | null; state?: 'open' | 'closed'; state_reason?: FakeIssue['stateReason']; labels?: unknown };
  if (body.title !== undefined && body.title !== null) issue.title = String(body.title);
  if (body.body !== undefined) issue.body = body.body;
  if (body.labels !== undefined) issue.labels = labelNames(body.labels);
  if (body.state !== undefined && body.state !== issue.state) {
    issue.state = body.state;
    issue.closedAt = body.state === 'closed' ? now() : null;
    issue.stateReason = body.state === 'closed' ? (body.state_reason ?? 'completed') : 'reopened';
  }
  issue.updatedAt = now();
  ctx.send(200, issueJson(ctx, repo, issue));
};

const getPages: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const site = pagesSites.get(repo);
  if (!site) return ctx.error(404, 'Not Found');
  ctx.send(200, {
    url: `${ctx.fake.url}/repos/${repo.owner}/${repo.name}/pages`, status: 'built', cname: null, custom_404: false,
    html_url: site.htmlUrl, build_type: site.buildType, public: true, https_enforced: true,
  });
};

export const issueHandlers: Record<string, Handler> = {
  'issues/list-for-repo': listIssues,
  'issues/create': createIssue,
  'issues/update': updateIssue,
  'repos/get-pages': getPages,
};
