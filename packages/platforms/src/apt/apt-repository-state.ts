import type { AptPlatformConfig } from '@deployforge/config';
import type { PlatformContext } from '../platform.js';
import { findStanza, packagesPath, releasePath, type AptLayout, type AptState } from '../linux-packages/apt-repository.js';
import { releasePackageAssets } from '../linux-packages/release-package-assets.js';
import { packageRepositoryRoot } from '../linux-packages/repository-target.js';
import { listedBy, readRepositoryBranch, type RepositoryComparison, type RepositoryWords } from '../linux-packages/package-repository.js';

export const APT_WORDS: RepositoryWords = { id: 'apt', kind: 'deb', index: 'the apt index', repository: 'apt repository', signed: 'indexes' };

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

export interface AptComparison extends RepositoryComparison {
  block: AptPlatformConfig;
  layout: AptLayout;
  state: AptState;
}

/**
 * The release's .deb assets and how the apt index on the branch lists each: the same sha256
 * (identical), another one (different: never replaced), or not at all. Reads the `Release` and
 * every architecture's `Packages` it names, plus the ones this release adds.
 */
export async function compareApt(ctx: PlatformContext): Promise<AptComparison> {
  const block = aptBlock(ctx);
  const layout = aptLayout(block);
  const packages = await releasePackageAssets(ctx, 'deb', 'apt');
  const { target, snapshot } = await readRepositoryBranch(ctx, block, APT_WORDS);
  const release = await snapshot.read(`${layout.base}${releasePath(layout)}`);
  const named = /^Architectures:\s*(.*)$/m.exec(release ?? '')?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  const indexes = new Map<string, string | undefined>();
  for (const arch of new Set([...named, ...packages.map((d) => d.arch)])) indexes.set(arch, await snapshot.read(`${layout.base}${packagesPath(layout, arch)}`));
  const state: AptState = { packages: indexes, ...(release !== undefined ? { release } : {}) };
  const listed = listedBy(packages, (d) => {
    const stanza = findStanza(state, d.arch, d.built);
    // Listed without a SHA256 field: there, with no digest that can match.
    return stanza ? (stanza.fields.get('SHA256') ?? '') : undefined;
  });
  return { block, layout, target, snapshot, state, packages, listed };
}
