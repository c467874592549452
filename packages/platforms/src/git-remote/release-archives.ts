import { ConfigurationError } from '@deployforge/diagnostics';
import { TARGET_IDS, targetInfo, type TargetInfo } from '@deployforge/targets';
import type { PlatformContext, ReleaseAsset } from '../platform.js';

export interface TargetArchive {
  target: TargetInfo;
  asset: ReleaseAsset;
}

/**
 * The release's archives for the targets a platform can use, in canonical target order. Only what
 * the release really has counts (not what the config lists): a manifest must never point at an
 * asset that does not exist.
 */
export function releaseArchives(ctx: PlatformContext, keep: (t: TargetInfo) => boolean): TargetArchive[] {
  const found: TargetArchive[] = [];
  for (const asset of ctx.assets) {
    if (!asset.target) continue;
    const target = targetInfo(asset.target);
    if (keep(target)) found.push({ target, asset });
  }
  const order = (t: TargetInfo) => TARGET_IDS.indexOf(t.id);
  return found.sort((a, b) => order(a.target) - order(b.target));
}

/** The same as releaseArchives, but a platform with nothing to ship is a configuration problem. */
export function requireArchives(ctx: PlatformContext, keep: (t: TargetInfo) => boolean, platform: string, wanted: string): TargetArchive[] {
  const found = releaseArchives(ctx, keep);
  if (found.length === 0) {
    throw ConfigurationError.forInput(`platforms.${platform}`, `the release of ${ctx.version.version} has no ${wanted} archive; add such a target to build.targets`);
  }
  return found;
}

/** GitHub page of the project, for homepages and `checkver`: `project.homepage` wins. */
export function projectHomepage(ctx: PlatformContext): string | undefined {
  if (ctx.config.project.homepage) return ctx.config.project.homepage;
  const repo = ctx.config.project.repository ?? ctx.env['GITHUB_REPOSITORY'];
  if (!repo) return undefined;
  return `${(ctx.env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/+$/, '')}/${repo}`;
}
