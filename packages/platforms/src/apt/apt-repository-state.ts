import type { AptPlatformConfig } from '@deployforge/config';
import { readRemoteBranch, type GitTarget, type RemoteSnapshot } from '../git-remote/index.js';
import type { PlatformContext } from '../platform.js';
import { findStanza, packagesPath, releasePath, type AptLayout, type AptState } from '../linux-packages/apt-repository.js';
import { releasePackageAssets } from '../linux-packages/release-package-assets.js';
import { packageRepositoryRoot, packageRepositoryTarget } from '../linux-packages/repository-target.js';
import type { ReleasePackage } from '../linux-packages/release-packages.js';

export type Listed = 'absent' | 'identical' | 'different';

export function aptBlock(ctx: PlatformContext): AptPlatformConfig {
  const block = ctx.config.platforms.apt;
  if (!block) throw new Error('platforms.apt is not configured');
  return block;
}

/** `<path>/dists/<suite>/…` and `<path>/pool/<component>/…` (path `deb` by default). */
export function aptLayout(block: AptPlatformConfig): AptLayout {
  const root = packageRepositoryRoot({ ...block, path: block.path ?? 'deb' });
  return { suite: block.distribution ?? 'stable', component: block.component ?? 'main', base: root ? `${root}/` : '' };
}

export interface AptComparison {
  block: AptPlatformConfig;
  layout: AptLayout;
  target: GitTarget;
  snapshot: RemoteSnapshot;
  state: AptState;
  debs: ReleasePackage[];
  /** How the index lists each of `debs`, in order. */
  listed: Listed[];
}

/**
 * The release's .deb assets and how the apt index on the branch lists each: the same sha256
 * (identical), another one (different: never replaced), or not at all. Reads the `Release` and
 * every architecture's `Packages` it names, plus the ones this release adds.
 */
export async function compareApt(ctx: PlatformContext): Promise<AptComparison> {
  const block = aptBlock(ctx);
  const layout = aptLayout(block);
  const debs = await releasePackageAssets(ctx, 'deb', 'apt');
  const target = packageRepositoryTarget(ctx, block, 'apt');
  const snapshot = await readRemoteBranch(target, block.branch, `reading the apt repository from ${target.remote.spec}`);
  const release = await snapshot.read(`${layout.base}${releasePath(layout)}`);
  const named = /^Architectures:\s*(.*)$/m.exec(release ?? '')?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  const packages = new Map<string, string | undefined>();
  for (const arch of new Set([...named, ...debs.map((d) => d.arch)])) packages.set(arch, await snapshot.read(`${layout.base}${packagesPath(layout, arch)}`));
  const state: AptState = { packages, ...(release !== undefined ? { release } : {}) };
  const listed = debs.map((d): Listed => {
    const stanza = findStanza(state, d.arch, d.built);
    if (!stanza) return 'absent';
    return stanza.fields.get('SHA256') === d.sha256 ? 'identical' : 'different';
  });
  return { block, layout, target, snapshot, state, debs, listed };
}
