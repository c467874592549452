import semver from 'semver';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { packageFolder, wingetSettings } from './winget-package.js';
import { defaultBranch, listFolder, repoRef, TOKEN, wingetClient } from './winget-repo.js';

/** The newest version folder of the package on the upstream default branch. */
export async function wingetStatus(ctx: PlatformContext): Promise<LiveStatus> {
  const s = wingetSettings(ctx);
  const client = wingetClient(ctx);
  if (!client) return { detail: `${TOKEN} is not set` };
  const upstream = repoRef(s.upstream);
  const base = await defaultBranch(client, upstream);
  if (!base) return { detail: `${s.upstream} was not found` };
  const entries = await listFolder(client, upstream, packageFolder(s.identifier), base);
  const versions = (entries ?? []).filter((e) => e.type === 'dir').map((e) => e.name);
  const newest = versions.sort((a, b) => (semver.valid(a) && semver.valid(b) ? semver.compare(a, b) : a.localeCompare(b))).at(-1);
  if (!newest) return { detail: `${s.upstream} has no version of ${s.identifier}` };
  return { latest: newest, detail: `${s.identifier} ${newest} in ${s.upstream}` };
}
