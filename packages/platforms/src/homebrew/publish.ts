import { browseUrl, commitAndPush, releaseCommitMessage } from '../git-remote/index.js';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { formulaName, formulaPath, isCask, pullRequestBranch } from './formula-name.js';
import { ensurePullRequest } from './pull-request.js';
import { tapConfig, tapTarget } from './tap-target.js';

/**
 * Commits the formula (or cask) to the tap's branch, or (pull-request: true) to a branch of its own with a
 * pull request against it. Identical content makes no commit and no push.
 */
export async function publishHomebrew(ctx: PlatformContext, files: RenderedFile[]): Promise<PublishResult> {
  const config = tapConfig(ctx);
  const target = tapTarget(ctx);
  const name = formulaName(ctx);
  const path = formulaPath(ctx);
  const { subject, body } = releaseCommitMessage(ctx, name, `${isCask(ctx) ? 'Cask' : 'Formula'} ${path}`);

  if (!config['pull-request']) {
    const result = await commitAndPush(target, { ...(config.branch ? { branch: config.branch } : {}), files, subject, body });
    const url = browseUrl(target.remote, path, result.branch);
    if (!result.changed) return { status: 'skipped', url, detail: `${path} on ${result.branch} already has this content; nothing pushed` };
    const raced = result.retries ? ` after rebasing onto a concurrent push` : '';
    return { status: 'published', url, detail: `committed ${path} (${result.commit.slice(0, 12)}) to ${result.branch} of ${target.remote.spec}${raced}` };
  }

  const slug = target.remote.slug;
  const token = ctx.env['HOMEBREW_TAP_TOKEN'];
  if (!slug) throw new Error(`pull-request: true needs a tap on GitHub (owner/repo or its URL); ${target.remote.spec} names no repository`);
  if (!token) throw new Error('pull-request: true needs HOMEBREW_TAP_TOKEN to open the pull request');
  const head = pullRequestBranch(ctx);
  const result = await commitAndPush(target, { ...(config.branch ? { branch: config.branch } : {}), pushBranch: head, files, subject, body });
  if (!result.changed && result.branch !== head) {
    return { status: 'skipped', detail: `${path} on ${result.baseBranch} already has this content; no pull request needed` };
  }
  const pr = await ensurePullRequest(ctx, { slug, head, base: result.baseBranch, title: subject, body, token });
  return {
    status: 'published',
    url: pr.url,
    detail: pr.created ? `opened a pull request for ${path} from ${head}` : `the pull request from ${head} is already open${result.changed ? ' (branch updated)' : ''}`,
  };
}
