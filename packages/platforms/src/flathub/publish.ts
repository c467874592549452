import type { GitHubClient } from '@deployforge/github';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { keepReleaseDate, metainfoFileName } from './appstream-metainfo.js';
import { flathubSettings, type FlathubSettings } from './flathub-settings.js';
import { defaultBranch, flathubClient, openPull, readFile, statusOf, TOKEN } from './manifest-repo.js';

const FIRST_SUBMISSION = 'https://docs.flathub.org/docs/for-app-authors/submission';

/**
 * Proposes the rendered manifest as a pull request on the app's Flathub repository: a branch for
 * this version, one commit per changed file, one pull request. Flathub's bot builds it and a
 * maintainer merges. Every step looks before it writes, so a re-run reuses the branch, skips
 * files that already match and finds the open pull request instead of opening a second one.
 */
export async function publishFlathub(ctx: PlatformContext, files: RenderedFile[]): Promise<PublishResult> {
  const s = flathubSettings(ctx);
  const client = flathubClient(ctx);
  if (!client) return { status: 'failed', detail: `${TOKEN} is not set: create a token that can push branches and open pull requests on ${s.owner}/${s.repo}` };
  try {
    return await proposeUpdate(ctx, client, s, files);
  } catch (error) {
    const status = statusOf(error);
    if (status === 401) return { status: 'failed', detail: `GitHub refused ${TOKEN} (bad credentials: expired or revoked)` };
    if (status === 403) return { status: 'failed', detail: `${TOKEN} may not write to ${s.owner}/${s.repo} (needs contents: write and pull-requests: write there)` };
    throw error;
  }
}

async function proposeUpdate(ctx: PlatformContext, client: GitHubClient, s: FlathubSettings, files: RenderedFile[]): Promise<PublishResult> {
  const { owner, repo } = s;
  const base = await defaultBranch(client, s);
  if (!base) {
    return {
      status: 'needs-human',
      detail: `${owner}/${repo} does not exist: a new app goes to Flathub as a pull request to flathub/flathub against its new-pr branch, adding ${s.manifestPath} (render it with a dry run), and is reviewed by people (${FIRST_SUBMISSION}); once accepted, Flathub creates ${owner}/${repo} and later releases update it automatically`,
    };
  }
  const octokit = client.octokit.rest;
  const { data: baseRef } = await octokit.git.getRef({ owner, repo, ref: `heads/${base}` });
  try {
    await octokit.git.createRef({ owner, repo, ref: `refs/heads/${s.branch}`, sha: baseRef.object.sha });
  } catch (error) {
    // A re-run after a partial publish: the branch is ours from the earlier run; keep building on it.
    if (statusOf(error) !== 422) throw error;
  }
  let commits = 0;
  for (const file of files) {
    const current = await readFile(client, s, file.path, s.branch);
    const rendered = typeof file.contents === 'string' ? file.contents : Buffer.from(file.contents).toString('utf8');
    // Our metainfo carries today's date: a re-run on another day keeps the one already proposed.
    const text = !s.metainfo && file.path === metainfoFileName(s.appId) ? keepReleaseDate(rendered, current?.text, ctx.version.version) : rendered;
    if (current?.text === text) continue;
    await octokit.repos.createOrUpdateFileContents({
      owner, repo, path: file.path, branch: s.branch,
      message: `Update to ${ctx.version.version}`,
      content: Buffer.from(text, 'utf8').toString('base64'),
      ...(current ? { sha: current.sha } : {}),
    });
    commits++;
  }
  const existing = await openPull(client, s);
  if (existing) return { status: 'published', url: existing.url, detail: `pull request #${existing.number} for ${ctx.version.version} was already open (${commits} file(s) updated on ${s.branch})` };
  const { data: pull } = await octokit.pulls.create({
    owner, repo, head: s.branch, base,
    title: `Update to ${ctx.version.version}`,
    body: `Updates ${s.appId} to ${ctx.version.version} (release ${ctx.version.tag}).\n\nThe archive sources point at the release assets with the sha256s from its SHA256SUMS.\n\n_Opened by DeployForge._`,
  });
  return { status: 'published', url: pull.html_url, detail: `opened pull request #${pull.number} on ${owner}/${repo}; Flathub builds it and a maintainer merges` };
}
