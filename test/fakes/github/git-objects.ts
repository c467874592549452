// Git objects read by sha: annotated tag objects (GET /git/tags/{sha}) and trees (GET /git/trees/{sha},
// `recursive` lists every blob and folder below). The fake's tree of a commit has the commit's sha
// (contents.ts says so in `tree.sha`), so a commit sha is accepted as a tree sha, as GitHub also does.

import type { Handler } from './context.js';
import { blobSha, gitData } from './git-data.js';
import { findRepo } from './releases.js';
import { nodeId } from './state.js';

const getTag: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const tag = gitData(repo).tagObjects.get(String(ctx.params.tag_sha));
  if (!tag) return ctx.error(404, 'Not Found');
  const api = `${ctx.fake.url}/repos/${repo.owner}/${repo.name}`;
  ctx.send(200, {
    node_id: nodeId('TAG', repo.id),
    tag: tag.tag,
    sha: tag.sha,
    url: `${api}/git/tags/${tag.sha}`,
    message: `${tag.message}\n`,
    tagger: { name: 'deployforge-bot', email: 'bot@deployforge.invalid', date: tag.date },
    object: { sha: tag.object.sha, type: tag.object.type, url: `${api}/git/${tag.object.type === 'tag' ? 'tags' : 'commits'}/${tag.object.sha}` },
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  });
};

const getTree: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (!repo) return;
  const git = gitData(repo);
  const wanted = String(ctx.params.tree_sha);
  // A sha, or (as GitHub allows) a branch or tag name.
  const sha = git.commits.has(wanted) ? wanted : (git.branches.get(wanted) ?? git.tags.get(wanted)?.sha);
  const commit = sha ? git.commits.get(sha) : undefined;
  if (!commit) return ctx.error(404, 'Not Found');
  const recursive = ctx.query.recursive !== undefined && ctx.query.recursive !== '0' && ctx.query.recursive !== 'false';
  const api = `${ctx.fake.url}/repos/${repo.owner}/${repo.name}`;
  const entries = new Map<string, Record<string, unknown>>();
  for (const [path, content] of commit.files) {
    const parts = path.split('/');
    // Folders first (as `tree` entries), then the blob; without `recursive` only the top level.
    for (let i = 1; i < parts.length; i += 1) {
      const folder = parts.slice(0, i).join('/');
      if (!recursive && i > 1) break;
      if (!entries.has(folder)) entries.set(folder, { path: folder, mode: '040000', type: 'tree', sha: blobSha(`tree ${commit.sha} ${folder}`), url: `${api}/git/trees/${folder}` });
    }
    if (!recursive && parts.length > 1) continue;
    const blob = blobSha(content);
    entries.set(path, { path, mode: '100644', type: 'blob', sha: blob, size: Buffer.byteLength(content), url: `${api}/git/blobs/${blob}` });
  }
  const tree = [...entries.values()].sort((a, b) => String(a.path).localeCompare(String(b.path)));
  ctx.send(200, { sha: commit.sha, url: `${api}/git/trees/${commit.sha}`, tree, truncated: false });
};

export const gitObjectHandlers: Record<string, Handler> = {
  'git/get-tag': getTag,
  'git/get-tree': getTree,
};
