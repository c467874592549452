import { createGitHubClient } from '@deployforge/github';
import type { PlatformContext } from '../platform.js';

export interface PullRequestRequest {
  /** `owner/repo` of the tap. */
  slug: string;
  head: string;
  base: string;
  title: string;
  body: string;
  token: string;
}

/**
 * Opens the pull request for a pushed branch, or finds the one a previous run opened (so a re-run
 * does not open a second). The API root comes from GITHUB_API_URL, for GitHub Enterprise Server.
 */
export async function ensurePullRequest(ctx: PlatformContext, request: PullRequestRequest): Promise<{ url: string; created: boolean }> {
  const client = createGitHubClient({
    token: request.token,
    baseUrl: ctx.env['GITHUB_API_URL'] ?? 'https://api.github.com',
    log: ctx.log,
  });
  const [owner, repo] = request.slug.split('/') as [string, string];
  const open = await client.octokit.rest.pulls.list({ owner, repo, state: 'open', head: `${owner}:${request.head}`, base: request.base, per_page: 100 });
  const existing = open.data.find((pr) => pr.head.ref === request.head);
  if (existing) return { url: existing.html_url, created: false };
  const created = await client.octokit.rest.pulls.create({ owner, repo, head: request.head, base: request.base, title: request.title, body: request.body });
  return { url: created.data.html_url, created: true };
}
