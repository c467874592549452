// Release handlers, behaving as GitHub does where our client depends on it:
// - get-by-tag never returns drafts (404), while list returns drafts too;
// - creating or publishing a release whose tag already has a *published* release is 422 already_exists,
//   but two drafts for one tag are allowed (so the client must detect and reconcile them);
// - drafts live under an `untagged-<hex>` URL until published.

import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Handler, RequestContext } from './context.js';
import { tagOnPublish } from './git-data.js';
import { releaseJson } from './serialize.js';
import { nodeId, now, type FakeRelease, type FakeRepo } from './state.js';

export function findRepo(ctx: RequestContext): FakeRepo | undefined {
  const repo = ctx.fake.state.repo(`${String(ctx.params.owner)}/${String(ctx.params.repo)}`);
  if (!repo) ctx.error(404, 'Not Found');
  return repo;
}

function findRelease(ctx: RequestContext, repo: FakeRepo): FakeRelease | undefined {
  const release = repo.releases.find((r) => r.id === ctx.params.release_id);
  if (!release) ctx.error(404, 'Not Found');
  return release;
}

const newestFirst = (a: FakeRelease, b: FakeRelease): number => b.id - a.id;

function publishedWithTag(repo: FakeRepo, tag: string, except?: number): FakeRelease | undefined {
  return repo.releases.find((r) => !r.draft && r.tagName === tag && r.id !== except);
}

function tagTaken(ctx: RequestContext): void {
  ctx.error(422, 'Validation Failed', [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]);
}

/** Applies make_latest the way GitHub does: only published, non-prerelease releases can be latest. */
function applyMakeLatest(repo: FakeRepo, release: FakeRelease, makeLatest: unknown): void {
  if (release.draft || release.prerelease) return;
  if (makeLatest === 'false') return;
  if (makeLatest === 'legacy') {
    const newest = repo.releases.filter((r) => !r.draft && !r.prerelease).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)[0];
    repo.latestReleaseId = newest?.id ?? null;
    return;
  }
  repo.latestReleaseId = release.id;
}

function generatedNotes(ctx: RequestContext, repo: FakeRepo, tag: string, previous?: string): { name: string; body: string } {
  const prev =
    previous ??
    repo.releases
      .filter((r) => !r.draft && r.tagName !== tag)
      .sort(newestFirst)[0]?.tagName;
  const compare = `${ctx.fake.url}/html/${repo.owner}/${repo.name}/compare/`;
  const body = prev
    ? `## What's Changed\n\n**Full Changelog**: ${compare}${prev}...${tag}`
    : `**Full Changelog**: ${ctx.fake.url}/html/${repo.owner}/${repo.name}/commits/${tag}`;
  return { name: tag, body };
}

function linkHeader(ctx: RequestContext, page: number, perPage: number, total: number): string | undefined {
  const last = Math.max(1, Math.ceil(total / perPage));
  const path = ctx.record.path.split('?')[0];
  const link = (p: number, rel: string): string => `<${ctx.fake.url}${path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
  const parts: string[] = [];
  if (page > 1) parts.push(link(page - 1, 'prev'));
  if (page < last) parts.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) parts.push(link(1, 'first'));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

const listReleases: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.per_page ?? 30)));
  const page = Math.max(1, Number(ctx.query.page ?? 1));
  const all = [...repo.releases].sort(newestFirst);
  const slice = all.slice((page - 1) * perPage, page * perPage);
  const link = linkHeader(ctx, page, perPage, all.length);
  ctx.send(
    200,
    slice.map((r) => releaseJson(ctx.fake, repo, r)),
    link ? { link } : {},
  );
};

const createRelease: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const body = ctx.body as Record<string, unknown>;
  const tag = String(body.tag_name ?? '');
  if (!tag) {
    ctx.error(422, 'Validation Failed', [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }]);
    return;
  }
  const draft = body.draft === true;
  if (!draft && publishedWithTag(repo, tag)) {
    tagTaken(ctx);
    return;
  }
  const id = ctx.fake.state.nextId('release');
  const at = now();
  const notes = body.generate_release_notes === true ? generatedNotes(ctx, repo, tag) : undefined;
  const release: FakeRelease = {
    id,
    nodeId: nodeId('RE', id),
    tagName: tag,
    targetCommitish: typeof body.target_commitish === 'string' ? body.target_commitish : 'main',
    name: typeof body.name === 'string' ? body.name : (notes?.name ?? null),
    body: typeof body.body === 'string' ? (notes ? `${body.body}\n\n${notes.body}` : body.body) : (notes?.body ?? null),
    draft,
    prerelease: body.prerelease === true,
    createdAt: at,
    publishedAt: draft ? null : at,
    updatedAt: at,
    urlTag: draft ? `untagged-${randomBytes(10).toString('hex')}` : tag,
    assets: [],
  };
  repo.releases.push(release);
  if (!draft) tagOnPublish(repo, tag, release.targetCommitish);
  applyMakeLatest(repo, release, body.make_latest);
  const json = releaseJson(ctx.fake, repo, release);
  ctx.send(201, json, { location: String(json.url) });
};

const getRelease: Handler = (ctx) => {
  const repo = findRepo(ctx);
  const release = repo && findRelease(ctx, repo);
  if (repo && release) ctx.send(200, releaseJson(ctx.fake, repo, release));
};

const getReleaseByTag: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  // Drafts have no tag yet as far as GitHub is concerned: this lookup never sees them.
  const release = repo.releases.find((r) => !r.draft && r.tagName === ctx.params.tag);
  if (!release) return ctx.error(404, 'Not Found');
  ctx.send(200, releaseJson(ctx.fake, repo, release));
};

const getLatestRelease: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const release =
    repo.releases.find((r) => r.id === repo.latestReleaseId && !r.draft && !r.prerelease) ??
    repo.releases.filter((r) => !r.draft && !r.prerelease).sort(newestFirst)[0];
  if (!release) return ctx.error(404, 'Not Found');
  ctx.send(200, releaseJson(ctx.fake, repo, release));
};

const updateRelease: Handler = (ctx) => {
  const repo = findRepo(ctx);
  const release = repo && findRelease(ctx, repo);
  if (!repo || !release) return;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const tag = typeof body.tag_name === 'string' ? body.tag_name : release.tagName;
  const draft = typeof body.draft === 'boolean' ? body.draft : release.draft;
  if (!draft && publishedWithTag(repo, tag, release.id)) return tagTaken(ctx);

  const wasDraft = release.draft;
  release.tagName = tag;
  if (typeof body.target_commitish === 'string') release.targetCommitish = body.target_commitish;
  if (typeof body.name === 'string') release.name = body.name;
  if (typeof body.body === 'string') release.body = body.body;
  if (typeof body.prerelease === 'boolean') release.prerelease = body.prerelease;
  release.draft = draft;
  if (wasDraft && !draft) {
    release.publishedAt = now();
    tagOnPublish(repo, tag, release.targetCommitish);
  }
  if (!draft) release.urlTag = tag;
  else if (!wasDraft) release.urlTag = `untagged-${randomBytes(10).toString('hex')}`;
  release.updatedAt = now();
  if (repo.latestReleaseId === release.id && (release.draft || release.prerelease)) repo.latestReleaseId = null;
  if (!release.draft && (wasDraft || body.make_latest !== undefined)) applyMakeLatest(repo, release, body.make_latest);
  ctx.send(200, releaseJson(ctx.fake, repo, release));
};

const deleteRelease: Handler = async (ctx) => {
  const repo = findRepo(ctx);
  const release = repo && findRelease(ctx, repo);
  if (!repo || !release) return;
  repo.releases = repo.releases.filter((r) => r.id !== release.id);
  if (repo.latestReleaseId === release.id) repo.latestReleaseId = null;
  await Promise.all(release.assets.map((a) => (a.filePath ? rm(a.filePath, { force: true }) : undefined)));
  ctx.send(204);
};

const generateReleaseNotes: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const body = ctx.body as Record<string, unknown>;
  const previous = typeof body.previous_tag_name === 'string' ? body.previous_tag_name : undefined;
  ctx.send(200, generatedNotes(ctx, repo, String(body.tag_name), previous));
};

export const releaseHandlers: Record<string, Handler> = {
  'repos/list-releases': listReleases,
  'repos/create-release': createRelease,
  'repos/get-release': getRelease,
  'repos/get-release-by-tag': getReleaseByTag,
  'repos/get-latest-release': getLatestRelease,
  'repos/update-release': updateRelease,
  'repos/delete-release': deleteRelease,
  'repos/generate-release-notes': generateReleaseNotes,
};
