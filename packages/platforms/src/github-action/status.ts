import semver from 'semver';
import { listReleases } from '@deployforge/github';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { actionClient, actionSettings, tagsUrl, TOKEN } from './action-settings.js';
import { tagPrefix } from './moving-tags.js';
import { tagCommit } from './tag-refs.js';

/** How many releases of the line are compared with the major tag before giving up (requests are one each). */
const MAX_LOOKUPS = 20;

/**
 * What `uses: owner/repo@v<major>` gets today: the newest final release whose tag points at the
 * same commit as the major tag of the newest release line. A major tag pointing at none of the
 * recent releases is reported as such, not guessed.
 */
export async function statusGithubAction(ctx: PlatformContext): Promise<LiveStatus> {
  const s = actionSettings(ctx);
  const client = actionClient(ctx);
  if (!client) return { detail: `${TOKEN} is not set` };
  const prefix = tagPrefix(ctx.version.tag, ctx.version.version);
  const finals = (await listReleases(client, s.owner, s.repo))
    .filter((r) => !r.draft && r.tag_name.startsWith(prefix))
    .map((r) => ({ tag: r.tag_name, version: semver.parse(r.tag_name.slice(prefix.length)) }))
    .filter((r): r is { tag: string; version: semver.SemVer } => r.version !== null && r.version.prerelease.length === 0)
    .sort((a, b) => semver.rcompare(a.version, b.version));
  const newest = finals[0];
  if (!newest) return { detail: `${s.owner}/${s.repo} has no published release` };
  const major = `${prefix}${newest.version.major}`;
  const at = await tagCommit(client, s, major);
  if (!at) return { detail: `${major} does not exist in ${s.owner}/${s.repo}` };
  for (const r of finals.filter((f) => f.version.major === newest.version.major).slice(0, MAX_LOOKUPS)) {
    if ((await tagCommit(client, s, r.tag)) === at) return { latest: r.version.version, url: tagsUrl(client, s), detail: `${major} points at ${r.tag}` };
  }
  return { detail: `${major} points at ${at.slice(0, 7)}, which is none of the last ${MAX_LOOKUPS} releases of ${major}` };
}
