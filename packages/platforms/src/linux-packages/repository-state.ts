import { readRemoteBranch, type RemoteSnapshot } from '../git-remote/index.js';
import type { PlatformContext } from '../platform.js';
import { packagesPath, releasePath, type AptLayout, type AptState } from './apt-repository.js';
import { packageBlock, repoPath, type PackageSettings } from './package-settings.js';
import { repositoryTarget } from './repository-target.js';
import { readYumState, type YumLayout, type YumState } from './yum-repository.js';

export interface RepositoryState {
  snapshot: RemoteSnapshot;
  apt: AptState;
  yum: YumState;
}

export function aptLayout(settings: PackageSettings): AptLayout {
  return { suite: settings.block.distribution ?? 'stable', component: settings.block.component ?? 'main', base: `${repoPath(settings, 'deb')}/` };
}

export function yumLayout(settings: PackageSettings): YumLayout {
  return { base: `${repoPath(settings, 'rpm')}/` };
}

/**
 * The repositories as they are on the branch now: the apt `Release` and every architecture's
 * `Packages` it lists (plus the ones this release adds), and the yum metadata.
 */
export async function readRepositoryState(ctx: PlatformContext, settings: PackageSettings, arches: readonly string[]): Promise<RepositoryState> {
  const target = repositoryTarget(ctx);
  const snapshot = await readRemoteBranch(target, packageBlock(ctx).branch, `reading the package repositories from ${target.remote.spec}`);
  const layout = aptLayout(settings);
  const release = await snapshot.read(`${layout.base}${releasePath(layout)}`);
  const listed = /^Architectures:\s*(.*)$/m.exec(release ?? '')?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  const packages = new Map<string, string | undefined>();
  for (const arch of new Set([...listed, ...arches])) packages.set(arch, await snapshot.read(`${layout.base}${packagesPath(layout, arch)}`));
  const yum = await readYumState(snapshot, yumLayout(settings));
  return { snapshot, apt: { packages, ...(release !== undefined ? { release } : {}) }, yum };
}
