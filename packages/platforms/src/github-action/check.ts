import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { actionClient, actionSettings, tagsUrl, TOKEN } from './action-settings.js';
import { describeTags, planTags } from './tag-plan.js';

/**
 * Identical when every tag this release owns already points at its commit (a tag owned by a newer
 * release is not this release's to check); absent when one is missing or elsewhere. Never
 * "different": moving a tag forward is what this platform publishes.
 */
export async function checkGithubAction(ctx: PlatformContext): Promise<Existence> {
  if (ctx.version.prerelease) return { state: 'identical', detail: `${ctx.version.version} is a prerelease: it moves no tags` };
  const s = actionSettings(ctx);
  const client = actionClient(ctx);
  if (!client) return { state: 'unknown', detail: `${TOKEN} is not set, so the tags of ${s.owner}/${s.repo} cannot be read` };
  const plan = await planTags(ctx, client, s);
  const url = tagsUrl(client, s);
  const evidence = describeTags(plan).join('; ');
  if (plan.tags.every((t) => !t.owned || t.current === plan.commit)) {
    return { state: 'identical', detail: evidence || 'no tag is configured', url };
  }
  return { state: 'absent', detail: evidence, url };
}
