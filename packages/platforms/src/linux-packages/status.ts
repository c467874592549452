import { browseUrl } from '../git-remote/index.js';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { parseStanzas } from './deb-stanzas.js';
import { packageSettings } from './package-settings.js';
import { readRepositoryState } from './repository-state.js';
import { repositoryTarget } from './repository-target.js';

/** Undoes the package-version mapping enough to compare: `1.0.0~rc.1-1` → `1.0.0-rc.1`. */
function semverOf(debVersion: string): string {
  return debVersion.replace(/-[^-]+$/, '').replace('~', '-');
}

/**
 * The newest version the apt index lists for the package (dpkg order: `~` sorts first), else the
 * yum index's; the repositories keep every version, so "latest" is the highest, not the last added.
 */
export async function statusLinuxPackages(ctx: PlatformContext): Promise<LiveStatus> {
  const settings = packageSettings(ctx);
  const state = await readRepositoryState(ctx, settings, []);
  const url = browseUrl(repositoryTarget(ctx).remote, settings.root || '', state.snapshot.branch);
  const versions = [...state.apt.packages.values()].flatMap((text) => parseStanzas(text))
    .filter((s) => s.fields.get('Package') === settings.name).map((s) => semverOf(s.fields.get('Version') ?? ''));
  for (const e of state.yum.entries) {
    const m = /<name>([^<]*)<\/name>[\s\S]*?ver="([^"]*)"/.exec(e.primary);
    if (m && m[1] === settings.name) versions.push(m[2]!.replace('~', '-'));
  }
  if (versions.length === 0) return { url, detail: `no ${settings.name} package on ${state.snapshot.branch}` };
  const { compare } = await import('semver');
  const latest = [...new Set(versions)].sort((a, b) => compare(a, b, true)).at(-1)!;
  return { latest, url, detail: `${new Set(versions).size} version(s) in the indexes on ${state.snapshot.branch}` };
}
