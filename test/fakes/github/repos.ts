// GET /repos/{owner}/{repo}: the repository (default branch included), 404 for a repo that does not exist.

import type { Handler } from './context.js';
import { findRepo } from './releases.js';
import { repositoryJson } from './repository-json.js';

const getRepo: Handler = (ctx) => {
  const repo = findRepo(ctx);
  if (repo) ctx.send(200, repositoryJson(ctx.fake, repo));
};

export const repoHandlers: Record<string, Handler> = {
  'repos/get': getRepo,
};
