import type { GithubActionPlatformConfig } from '@deployforge/config';
import { createGitHubClient, DEFAULT_GITHUB_API_URL, type GitHubClient } from '@deployforge/github';
import type { PlatformContext } from '../platform.js';
import type { TagLevel } from './moving-tags.js';

export const TOKEN = 'GITHUB_TOKEN';

export interface ActionSettings {
  owner: string;
  repo: string;
  levels: TagLevel[];
  checkDist: boolean;
}

/** The `platforms.github-action` block with its defaults; the repository falls back to the project's, then the run's. */
export function actionSettings(ctx: PlatformContext): ActionSettings {
  const block: Partial<GithubActionPlatformConfig> = ctx.config.platforms?.['github-action'] ?? {};
  const fullName = block.repository ?? ctx.config.project.repository ?? ctx.env.GITHUB_REPOSITORY;
  const [owner, repo] = (fullName ?? '').split('/');
  if (!owner || !repo) {
    throw new Error('no repository to move tags in: set platforms.github-action.repository or project.repository (owner/repo)');
  }
  return { owner, repo, levels: [...(block.tags ?? ['major', 'minor'])], checkDist: block['check-dist'] ?? true };
}

/** The client for that repository, on the run's API root (GITHUB_API_URL: GitHub Enterprise Server, tests). */
export function actionClient(ctx: PlatformContext): GitHubClient | undefined {
  const token = ctx.env[TOKEN] || ctx.env.GH_TOKEN;
  if (!token) return undefined;
  return createGitHubClient({ token, baseUrl: ctx.env.GITHUB_API_URL ?? DEFAULT_GITHUB_API_URL, log: ctx.log });
}

/** Where a person sees the repository's tags: github.com for api.github.com, `<host>/…` for GHES. */
export function tagsUrl(client: GitHubClient, s: ActionSettings): string {
  const web = client.baseUrl.replace(/\/api\/v3$/, '').replace('://api.github.com', '://github.com');
  return `${web}/${s.owner}/${s.repo}/tags`;
}
