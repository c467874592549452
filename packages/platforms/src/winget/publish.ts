import type { GitHubClient } from '@deployforge/github';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { branchName, packageFolder, pullTitle, wingetPackage, wingetSettings } from './winget-package.js';
import { defaultBranch, findOpenPull, listFolder, readFile, repoRef, statusOf, TOKEN, wingetClient, type RepoRef } from './winget-repo.js';

const text = (c: string | Uint8Array): string => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));

/** Our fork: the configured one, else the token owner's (create-fork answers an existing fork too). */
async function resolveFork(client: GitHubClient, upstream: RepoRef, configured: string | undefined): Promise<{ fork: RepoRef; base: string }> {
  if (configured) {
    const fork = repoRef(configured);
    const base = await defaultBranch(client, fork);
    if (!base) throw new Error(`the fork ${configured} (platforms.winget.fork) does not exist: fork ${upstream.owner}/${upstream.repo} with the WINGET_TOKEN account first`);
    return { fork, base };
  }
  const { data } = await client.octokit.rest.repos.createFork({ ...upstream, default_branch_only: true });
  return { fork: repoRef(data.full_name), base: data.default_branch };
}

/**
 * The winget-pkgs flow, through the GitHub API only (no git, no clone of a huge repository): sync
 * the fork, branch from its default branch, commit the three manifests, open the pull request.
 * Every step tolerates having been done by an earlier, interrupted run.
 */
export async function publishWinget(ctx: PlatformContext, files: RenderedFile[]): Promise<PublishResult> {
  const p = wingetPackage(ctx);
  const s = wingetSettings(ctx);
  const client = wingetClient(ctx);
  if (!client) throw new Error(`${TOKEN} is not set: add a classic personal access token (public_repo) of the account that owns your winget-pkgs fork`);
  const upstream = repoRef(s.upstream);
  const upstreamBase = await defaultBranch(client, upstream);
  if (!upstreamBase) throw new Error(`the upstream repository ${s.upstream} was not found`);

  // winget-pkgs moderators want a package's first version submitted and reviewed by a person.
  if (!(await listFolder(client, upstream, packageFolder(p.identifier), upstreamBase))) {
    return {
      status: 'needs-human',
      detail: `${p.identifier} is not in ${s.upstream} yet: submit its first version by hand (wingetcreate new ${ctx.assets.find((a) => a.target === 'windows-x64')?.url ?? '<windows zip url>'}), then DeployForge submits every later version`,
    };
  }

  const { fork, base } = await resolveFork(client, upstream, s.fork);
  try {
    await client.octokit.rest.repos.mergeUpstream({ ...fork, branch: base });
  } catch (error) {
    if (statusOf(error) === 409) throw new Error(`the fork ${fork.owner}/${fork.repo} has diverged from ${s.upstream} on ${base} (merge conflicts): reset its ${base} to upstream`);
    throw error;
  }
  const branch = branchName(p);
  const { data: head } = await client.octokit.rest.git.getRef({ ...fork, ref: `heads/${base}` });
  try {
    await client.octokit.rest.git.createRef({ ...fork, ref: `refs/heads/${branch}`, sha: head.object.sha });
  } catch (error) {
    // Left by an earlier run that stopped halfway: reuse it; the files below are compared one by one.
    if (statusOf(error) !== 422) throw error;
  }
  let committed = 0;
  for (const file of files) {
    const contents = text(file.contents);
    const existing = await readFile(client, fork, file.path, branch);
    if (existing?.text === contents) continue;
    await client.octokit.rest.repos.createOrUpdateFileContents({
      ...fork,
      path: file.path,
      branch,
      message: `${pullTitle(p)}: ${file.path.split('/').pop()}`,
      content: Buffer.from(contents, 'utf8').toString('base64'),
      ...(existing ? { sha: existing.sha } : {}),
    });
    committed += 1;
  }

  const title = pullTitle(p);
  const headLabel = `${fork.owner}:${branch}`;
  try {
    const { data: pull } = await client.octokit.rest.pulls.create({
      ...upstream,
      title,
      head: headLabel,
      base: upstreamBase,
      body: `${p.name} ${p.version}: ${p.installers.map((i) => i.architecture).join(' and ')} installers from ${p.releaseNotesUrl ?? 'the GitHub release'}.\n\nSubmitted by DeployForge.`,
      maintainer_can_modify: true,
    });
    return { status: 'published', detail: `opened pull request #${pull.number} (${committed} manifest file(s) committed to ${headLabel}); it is merged once the winget-pkgs moderators approve it`, url: pull.html_url };
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
    const open = await findOpenPull(client, upstream, title, headLabel);
    if (!open) throw error;
    return { status: 'needs-human', detail: `pull request #${open.number} for ${p.identifier} ${p.version} is already open and waiting for the winget-pkgs moderators`, url: open.url };
  }
}
