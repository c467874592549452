import type { PlatformContext, RenderedFile } from '../platform.js';
import { actionSettings } from './action-settings.js';
import { movingTags, tagPrefix } from './moving-tags.js';

/**
 * Pure: nothing is packaged, so the one file says what publishing will do, for dry runs and
 * snapshots: the repository, the release tag and the moving tags it may own (whether it owns them
 * depends on the releases published so far, which only check and publish read).
 */
export function renderGithubAction(ctx: PlatformContext): RenderedFile[] {
  const s = actionSettings(ctx);
  const { tag, version } = ctx.version;
  const candidates = movingTags(version, tagPrefix(tag, version), s.levels, []).map((t) => t.name);
  const plan = {
    repository: `${s.owner}/${s.repo}`,
    'release-tag': tag,
    'moving-tags': candidates,
    'check-dist': s.checkDist,
    ...(ctx.version.prerelease ? { note: 'a prerelease moves no tags' } : {}),
  };
  return [{ path: 'github-action-tags.json', contents: `${JSON.stringify(plan, null, 2)}\n` }];
}
