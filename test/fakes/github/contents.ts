// Repository contents: GET of a file (base64, with the blob sha; `ref` picks a branch or commit) or a folder
// (its listing), and
// PUT (create, or update with the current blob sha: 422 when it is missing, 409 when it is stale), each
// PUT one commit on the branch, as GitHub does.

import type { Handler, RequestContext } from './context.js';
import { blobSha, commitFiles, gitData, type FakeCommit } from './git-data.js';
import { findRepo } from './releases.js';
import type { FakeRepo } from './state.js';

function filePath(ctx: RequestContext): string {
  return decodeURIComponent(String(ctx.params.path)).replace(/^\/+/, '');
}

function contentJson(ctx: RequestContext, repo: FakeRepo, path: string, content: string, ref: string, withContent: boolean): Record<string, unknown> {
  const api = `${ctx.fake.url}/repos/${repo.owner}/${repo.name}`;
  const sha = blobSha(content);
  const html = `${ctx.fake.url}/html/${repo.owner}/${repo.name}/blob/${ref}/${path}`;
  const self = `${api}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const git = `${api}/git/blobs/${sha}`;
  return {
    type: 'file',
    name: path.split('/').pop(),
    path,
    sha,
    size: Buffer.byteLength(content),
    url: self,
    html_url: html,
    git_url: git,
    download_url: `${ctx.fake.url}/raw/${repo.owner}/${repo.name}/${ref}/${path}`,
    ...(withContent ? { content: Buffer.from(content).toString('base64').replace(/(.{60})/g, '$1\n'), encoding: 'base64' } : {}),
    _links: { self, git, html },
  };
}

function commitJson(ctx: RequestContext, repo: FakeRepo, commit: FakeCommit): Record<string, unknown> {
  const api = `${ctx.fake.url}/repos/${repo.owner}/${repo.name}`;
  const who = { name: 'deployforge-bot', email: 'bot@deployforge.invalid', date: commit.date };
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 12)}`,
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${ctx.fake.url}/html/${repo.owner}/${repo.name}/commit/${commit.sha}`,
    author: who,
    committer: who,
    message: commit.message,
    tree: { url: `${api}/git/trees/${commit.sha}`, sha: commit.sha },
    parents: commit.parent ? [{ url: `${api}/git/commits/${commit.parent}`, html_url: `${ctx.fake.url}/html/${repo.owner}/${repo.name}/commit/${commit.parent}`, sha: commit.parent }] : [],
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/** The direct children of a folder (the root when `path` is empty), as the contents API lists them. */
function directoryJson(ctx: RequestContext, repo: FakeRepo, path: string, files: Map<string, string>, ref: string): Record<string, unknown>[] {
  const prefix = path === '' ? '' : `${path.replace(/\/+$/, '')}/`;
  const entries = new Map<string, Record<string, unknown>>();
  for (const [file, content] of files) {
    if (!file.startsWith(prefix)) continue;
    const [name, ...deeper] = file.slice(prefix.length).split('/');
    if (!name || entries.has(name)) continue;
    if (deeper.length === 0) {
      entries.set(name, contentJson(ctx, repo, file, content, ref, false));
      continue;
    }
    const api = `${ctx.fake.url}/repos/${repo.owner}/${repo.name}`;
    const dir = `${prefix}${name}`;
    const sha = blobSha(`tree ${dir}`);
    const self = `${api}/contents/${dir}?ref=${encodeURIComponent(ref)}`;
    const git = `${api}/git/trees/${sha}`;
    const html = `${ctx.fake.url}/html/${repo.owner}/${repo.name}/tree/${ref}/${dir}`;
    entries.set(name, { type: 'dir', name, path: dir, sha, size: 0, url: self, html_url: html, git_url: git, download_url: null, _links: { self, git, html } });
  }
  return [...entries.values()].sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

/** A branch name or a commit sha, as `ref` may be either. */
function resolveCommit(repo: FakeRepo, ref: string | undefined): { sha: string; name: string } | undefined {
  const git = gitData(repo);
  const name = ref ?? git.defaultBranch;
  const sha = git.branches.get(name.replace(/^refs\/heads\//, '')) ?? (git.commits.has(name) ? name : undefined);
  return sha ? { sha, name } : undefined;
}

const getContent: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const at = resolveCommit(repo, ctx.query.ref === undefined ? undefined : String(ctx.query.ref));
  if (!at) return ctx.error(404, `No commit found for the ref ${String(ctx.query.ref)}`);
  const path = filePath(ctx);
  const files = gitData(repo).commits.get(at.sha)!.files;
  const content = files.get(path);
  if (content !== undefined) return ctx.send(200, contentJson(ctx, repo, path, content, at.name, true));
  // A folder: GitHub lists its direct children (files, and `dir` entries for sub-folders).
  const listing = directoryJson(ctx, repo, path, files, at.name);
  if (listing.length === 0) return ctx.error(404, 'Not Found');
  ctx.send(200, listing);
};

const putContent: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const body = ctx.body as { message: string; content: string; sha?: string; branch?: string };
  const git = gitData(repo);
  const branch = body.branch ?? git.defaultBranch;
  const head = git.branches.get(branch);
  if (!head) return ctx.error(404, `Branch ${branch} not found`);
  const path = filePath(ctx);
  const existing = git.commits.get(head)!.files.get(path);
  if (existing !== undefined && body.sha === undefined) return ctx.error(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
  if (existing !== undefined && body.sha !== blobSha(existing)) return ctx.error(409, `${path} does not match ${body.sha}`);
  const content = Buffer.from(body.content, 'base64').toString('utf8');
  const commit = commitFiles(repo, branch, { [path]: content }, body.message);
  ctx.send(existing === undefined ? 201 : 200, {
    content: contentJson(ctx, repo, path, content, branch, false),
    commit: commitJson(ctx, repo, commit),
  });
};

export const contentHandlers: Record<string, Handler> = {
  'repos/get-content': getContent,
  'repos/create-or-update-file-contents': putContent,
};
