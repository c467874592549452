import type { YumPlatformConfig } from '@deployforge/config';
import { readRemoteBranch, type GitTarget, type RemoteSnapshot } from '../git-remote/index.js';
import type { PlatformContext } from '../platform.js';
import { releasePackageAssets } from '../linux-packages/release-package-assets.js';
import { packageRepositoryRoot, packageRepositoryTarget } from '../linux-packages/repository-target.js';
import type { ReleasePackage } from '../linux-packages/release-packages.js';
import { listedEntry, readYumState, type YumLayout, type YumState } from '../linux-packages/yum-repository.js';

export type Listed = 'absent' | 'identical' | 'different';

export function yumBlock(ctx: PlatformContext): YumPlatformConfig {
  const block = ctx.config.platforms.yum;
  if (!block) throw new Error('platforms.yum is not configured');
  return block;
}

/** The `.rpm` files and `repodata/` under `<path>` (`rpm` by default). */
export function yumLayout(block: YumPlatformConfig): YumLayout {
  const root = packageRepositoryRoot({ ...block, path: block.path ?? 'rpm' });
  return { base: root ? `${root}/` : '' };
}

export interface YumComparison {
  block: YumPlatformConfig;
  layout: YumLayout;
  target: GitTarget;
  snapshot: RemoteSnapshot;
  state: YumState;
  rpms: ReleasePackage[];
  /** How the metadata lists each of `rpms`, in order. */
  listed: Listed[];
}

/**
 * The release's .rpm assets and how the yum metadata on the branch lists each: the same sha256
 * (the pkgid: identical), another one (different: never replaced), or not at all.
 */
export async function compareYum(ctx: PlatformContext): Promise<YumComparison> {
  const block = yumBlock(ctx);
  const layout = yumLayout(block);
  const rpms = await releasePackageAssets(ctx, 'rpm', 'yum');
  const target = packageRepositoryTarget(ctx, block, 'yum');
  const snapshot = await readRemoteBranch(target, block.branch, `reading the yum repository from ${target.remote.spec}`);
  const state = await readYumState(snapshot, layout);
  const listed = rpms.map((r): Listed => {
    const entry = listedEntry(state, r.built.rpm!);
    if (!entry) return 'absent';
    return entry.pkgid === r.sha256 ? 'identical' : 'different';
  });
  return { block, layout, target, snapshot, state, rpms, listed };
}
