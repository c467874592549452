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
    const how = await pointTag(client, s, t.name, plan.commit, t.current !== undefined);
    done.push(how === 'created' ? `${t.name} created at ${short(plan.commit)}` : `${t.name} moved ${short(t.current)} -> ${short(plan.commit)}`);
  }
  const kept = plan.tags.filter((t) => !toWrite.includes(t)).map((t) => (t.owned ? `${t.name} already at ${short(plan.commit)}` : `${t.name} stays with ${t.newest}`));
  return { status: 'published', detail: [...done, ...kept].join('; '), url };
}
