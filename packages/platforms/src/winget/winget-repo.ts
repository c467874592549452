import { createGitHubClient, DEFAULT_GITHUB_API_URL, type GitHubClient } from '@deployforge/github';
import type { PlatformContext } from '../platform.js';

export const TOKEN = 'WINGET_TOKEN';

export interface RepoRef {
  owner: string;
  repo: string;
}

export function repoRef(fullName: string): RepoRef {
  const [owner, repo] = fullName.split('/');
  if (!owner || !repo) throw new Error(`"${fullName}" is not owner/repo`);
  return { owner, repo };
}

/** The client for winget-pkgs and the fork, on the run's API root (GITHUB_API_URL: GHES, tests). */
export function wingetClient(ctx: PlatformContext): GitHubClient | undefined {
  const token = ctx.env[TOKEN];
  if (!token) return undefined;
  return createGitHubClient({ token, baseUrl: ctx.env.GITHUB_API_URL ?? DEFAULT_GITHUB_API_URL, log: ctx.log });
}

export const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : undefined;

/** Runs a GitHub call, turning 404 into undefined. */
export async function unless404<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

export async function defaultBranch(client: GitHubClient, r: RepoRef): Promise<string | undefined> {
  return (await unless404(() => client.octokit.rest.repos.get({ owner: r.owner, repo: r.repo })))?.data.default_branch;
}

/** A file's text and blob sha on a ref, or undefined when it is not there. */
export async function readFile(client: GitHubClient, r: RepoRef, path: string, ref: string): Promise<{ text: string; sha: string } | undefined> {
  const answer = await unless404(() => client.octokit.rest.repos.getContent({ ...r, path, ref }));
  const data = answer?.data;
  if (!data || Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
  return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
}

/** The names in a folder, or undefined when the folder does not exist. */
export async function listFolder(client: GitHubClient, r: RepoRef, path: string, ref: string): Promise<{ name: string; type: string }[] | undefined> {
  const answer = await unless404(() => client.octokit.rest.repos.getContent({ ...r, path, ref }));
  const data = answer?.data;
  return Array.isArray(data) ? data.map((e) => ({ name: e.name, type: e.type })) : undefined;
}

export interface OpenPull {
  number: number;
  url: string;
  title: string;
}

/**
 * An open pull request for this version: from our branch in the fork when the fork is known, else
 * (or additionally) one with the conventional title on the newest open pull requests, which catches
 * a submission made by hand or by another tool.
 */
export async function findOpenPull(client: GitHubClient, upstream: RepoRef, title: string, head?: string): Promise<OpenPull | undefined> {
  const toPull = (p: { number: number; html_url: string; title: string }): OpenPull => ({ number: p.number, url: p.html_url, title: p.title });
  if (head) {
    const { data } = await client.octokit.rest.pulls.list({ ...upstream, state: 'open', head, per_page: 10 });
    if (data[0]) return toPull(data[0]);
  }
  const { data } = await client.octokit.rest.pulls.list({ ...upstream, state: 'open', per_page: 100 });
  const byTitle = data.find((p) => p.title.trim().toLowerCase() === title.toLowerCase());
  return byTitle ? toPull(byTitle) : undefined;
}
