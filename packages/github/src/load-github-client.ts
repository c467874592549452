import type { GitHubClient, GitHubClientOptions } from './octokit-factory.js';

/**
 * createGitHubClient, with Octokit, its retry and throttling plugins and Bottleneck (about 200 KiB
 * of bundle) loaded on this first call instead of at start (issue 20). Commands and actions create
 * their client here: several never need one (build-matrix without a token, validate, plan), and
 * the others pay for it when they make their first request. Tests keep the synchronous factory.
 */
export async function loadGitHubClient(options: GitHubClientOptions): Promise<GitHubClient> {
  const { createGitHubClient } = await import('./octokit-factory.js');
  return createGitHubClient(options);
}
