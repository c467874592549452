import { listReleases, type GitHubClient } from '@deployforge/github';
import type { PlatformContext } from '../platform.js';
import type { ActionSettings } from './action-settings.js';
import { movingTags, tagPrefix, type MovingTag } from './moving-tags.js';
import { tagCommit } from './tag-refs.js';

export interface PlannedTag extends MovingTag {
  /** The commit the tag points at now; undefined when it does not exist yet. */
  current?: string;
}

export interface TagPlan {
  /** The commit of the release tag: where every owned tag must point. */
  commit: string;
  tags: PlannedTag[];
}

export const short = (sha: string | undefined): string => (sha ? sha.slice(0, 7) : 'nothing');

/**
 * Reads what the decision needs: the release tag's commit, the versions of the published releases
 * (drafts are not released; prereleases are filtered by movingTags), and where each owned tag is now.
 * Throws when the release tag itself is missing: there is no commit to move anything to.
 */
export async function planTags(ctx: PlatformContext, client: GitHubClient, s: ActionSettings): Promise<TagPlan> {
  const { tag, version } = ctx.version;
  const commit = await tagCommit(client, s, tag);
  if (!commit) throw new Error(`the release tag ${tag} does not exist in ${s.owner}/${s.repo}, so there is no commit to point ${s.levels.join(' and ')} tags at`);
  const prefix = tagPrefix(tag, version);
  const released = (await listReleases(client, s.owner, s.repo))
    .filter((r) => !r.draft && r.tag_name.startsWith(prefix))
    .map((r) => r.tag_name.slice(prefix.length));
  const tags: PlannedTag[] = [];
  for (const t of movingTags(version, prefix, s.levels, released)) {
    // Only the tags this release owns are read: the others are not ours to look at or touch.
    const current = t.owned ? await tagCommit(client, s, t.name) : undefined;
    tags.push({ ...t, ...(current ? { current } : {}) });
  }
  return { commit, tags };
}

/** `v1 already at 1a2b3c4, v1.2 stays with 1.2.4` style evidence for check and publish details. */
export function describeTags(plan: TagPlan): string[] {
  return plan.tags.map((t) => {
    if (!t.owned) return `${t.name} stays with ${t.newest} (newer than this release)`;
    if (t.current === plan.commit) return `${t.name} already at ${short(plan.commit)}`;
    return t.current ? `${t.name} moves ${short(t.current)} -> ${short(plan.commit)}` : `${t.name} is created at ${short(plan.commit)}`;
  });
}
