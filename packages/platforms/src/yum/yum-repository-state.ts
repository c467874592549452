import type { YumPlatformConfig } from '@deployforge/config';
import type { PlatformContext } from '../platform.js';
import { releasePackageAssets } from '../linux-packages/release-package-assets.js';
import { packageRepositoryRoot } from '../linux-packages/repository-target.js';
import { listedBy, readRepositoryBranch, type RepositoryComparison, type RepositoryWords } from '../linux-packages/package-repository.js';
import { listedEntry, readYumState, type YumLayout, type YumState } from '../linux-packages/yum-repository.js';

export const YUM_WORDS: RepositoryWords = { id: 'yum', kind: 'rpm', index: 'the yum metadata', repository: 'yum repository', signed: 'repomd.xml' };

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

export interface YumComparison extends RepositoryComparison {
  block: YumPlatformConfig;
  layout: YumLayout;
  state: YumState;
}

/**
 * The release's .rpm assets and how the yum metadata on the branch lists each: the same sha256
 * (the pkgid: identical), another one (different: never replaced), or not at all.
 */
export async function compareYum(ctx: PlatformContext): Promise<YumComparison> {
  const block = yumBlock(ctx);
  const layout = yumLayout(block);
  const packages = await releasePackageAssets(ctx, 'rpm', 'yum');
  const { target, snapshot } = await readRepositoryBranch(ctx, block, YUM_WORDS);
  const state = await readYumState(snapshot, layout);
  const listed = listedBy(packages, (r) => listedEntry(state, r.built.rpm!)?.pkgid);
  return { block, layout, target, snapshot, state, packages, listed };
}
