import { createGitHubClient, DEFAULT_GITHUB_API_URL, type GitHubClient } from '@deployforge/github';
import type { PlatformContext } from '../platform.js';
import type { FlathubSettings } from './flathub-settings.js';

export const TOKEN = 'FLATHUB_TOKEN';

/** One client per spoke, on the same API root as the rest of the run (GITHUB_API_URL: GHES, tests). */
export function flathubClient(ctx: PlatformContext): GitHubClient | undefined {
  const token = ctx.env[TOKEN];
  if (!token) return undefined;
  return createGitHubClient({ token, baseUrl: ctx.env.GITHUB_API_URL ?? DEFAULT_GITHUB_API_URL, log: ctx.log });
}

export const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : undefined;

/** The repository's default branch, or undefined when the repository does not exist. */
export async function defaultBranch(client: GitHubClient, s: FlathubSettings): Promise<string | undefined> {
  try {
    const { data } = await client.octokit.rest.repos.get({ owner: s.owner, repo: s.repo });
    return data.default_branch;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** A file's text and blob sha on a ref, or undefined when it is not there. */
export async function readFile(client: GitHubClient, s: FlathubSettings, path: string, ref: string): Promise<{ text: string; sha: string } | undefined> {
  try {
    const { data } = await client.octokit.rest.repos.getContent({ owner: s.owner, repo: s.repo, path, ref });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
    return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** Our open pull request for this version, if one is already waiting. */
export async function openPull(client: GitHubClient, s: FlathubSettings): Promise<{ number: number; url: string } | undefined> {
  const { data } = await client.octokit.rest.pulls.list({ owner: s.owner, repo: s.repo, state: 'open', head: `${s.owner}:${s.branch}`, per_page: 10 });
  const pull = data[0];
  return pull ? { number: pull.number, url: pull.html_url } : undefined;
}

/** Every `sha256` of archive sources in a manifest's text (YAML or JSON), with their URLs. */
export function archiveSources(manifest: unknown): { url: string; sha256: string }[] {
  const found: { url: string; sha256: string }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const rec = node as Record<string, unknown>;
    if (rec.type === 'archive' && typeof rec.url === 'string' && typeof rec.sha256 === 'string') found.push({ url: rec.url, sha256: rec.sha256 });
    Object.values(rec).forEach(visit);
  };
  visit(manifest);
  return found;
}
