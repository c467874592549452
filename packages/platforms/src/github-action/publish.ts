import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { actionClient, actionSettings, tagsUrl, TOKEN } from './action-settings.js';
import { checkActionBundles } from './action-bundle-check.js';
import { describeTags, planTags, short } from './tag-plan.js';
import { pointTag } from './tag-refs.js';

/**
 * After the release is published (the spoke runs after the hub): check the action at the release's
 * commit when asked, then point each tag this release owns at that commit. Tags already there are
 * not written, so a re-run makes no writes; tags owned by a newer release are never read or moved.
 */
export async function publishGithubAction(ctx: PlatformContext, _files: RenderedFile[]): Promise<PublishResult> {
  const s = actionSettings(ctx);
  const client = actionClient(ctx);
  if (!client) return { status: 'failed', detail: `${TOKEN} is not set: moving tags needs a token with contents: write on ${s.owner}/${s.repo}` };
  if (ctx.version.prerelease) return { status: 'skipped', detail: `${ctx.version.version} is a prerelease: it moves no tags` };
  const plan = await planTags(ctx, client, s);
  const url = tagsUrl(client, s);
  const toWrite = plan.tags.filter((t) => t.owned && t.current !== plan.commit);
  if (toWrite.length === 0) return { status: 'skipped', detail: describeTags(plan).join('; ') || 'no tag is configured', url };

  if (s.checkDist) {
    const bundles = await checkActionBundles(client, s, plan.commit);
    if (bundles.problems.length > 0) {
      return { status: 'failed', detail: `no tag moved: the action at ${short(plan.commit)} is inconsistent: ${bundles.problems.join('; ')}`, url };
    }
  }
  const done: string[] = [];
  for (const t of toWrite) {
    let how;
    try {
      how = await pointTag(client, s, t.name, plan.commit, t.current !== undefined);
    } catch (error) {
      const why = refusal(error, `${s.owner}/${s.repo}`);
      if (!why) throw error;
      return { status: 'failed', detail: [`${t.name} not moved: ${why}`, ...done].join('; '), url };
    }
    done.push(how === 'created' ? `${t.name} created at ${short(plan.commit)}` : `${t.name} moved ${short(t.current)} -> ${short(plan.commit)}`);
  }
  const kept = plan.tags.filter((t) => !toWrite.includes(t)).map((t) => (t.owned ? `${t.name} already at ${short(plan.commit)}` : `${t.name} stays with ${t.newest}`));
  return { status: 'published', detail: [...done, ...kept].join('; '), url };
}

/**
 * The two refusals a person must fix, in words that say how: a token without `contents: write` (the
 * starter workflow's one publish job reads only), and GitHub's rule that an app token (the workflow's
 * GITHUB_TOKEN) may not move a ref across commits that change workflow files.
 */
function refusal(error: unknown, repository: string): string | undefined {
  const status = (error as { status?: unknown }).status;
  const message = String((error as { message?: unknown }).message ?? '');
  if (/workflows?`? permission|create or update workflow/i.test(message)) {
    return `GitHub refuses to move a tag across commits that change .github/workflows with the workflow token (${message.split('\n')[0]}); pass a token with the workflows permission as github-token`;
  }
  if (status === 403 || status === 404) {
    return `the token cannot write the tags of ${repository} (HTTP ${String(status)}: ${message.split('\n')[0]}); the job needs contents: write, which the generated publish-github-action job has and the starter workflow's publish job does not`;
  }
  return undefined;
}
