import semver from 'semver';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { feedVersions } from './feed-client.js';
import { feedRoot } from './feed-url.js';

/** The newest approved version on the feed (`FindPackagesById()`). */
export async function chocolateyStatus(ctx: PlatformContext): Promise<LiveStatus> {
  const id = ctx.config.platforms.chocolatey?.package ?? ctx.config.project.name;
  const versions = (await feedVersions(ctx, id)).filter((p) => p.isApproved !== false && p.version);
  const newest = versions.map((p) => p.version as string).sort((a, b) => (semver.valid(a) && semver.valid(b) ? semver.compare(a, b) : a.localeCompare(b))).at(-1);
  if (!newest) return { detail: `${feedRoot(ctx)} has no approved version of ${id}` };
  return { latest: newest, detail: `${id} ${newest} on ${feedRoot(ctx)}` };
}
