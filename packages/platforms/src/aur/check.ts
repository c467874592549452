import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { aurPackage } from './aur-package.js';
import { cloneAurRepo } from './aur-remote.js';
import { aurInfo, aurRpcBase, splitAurVersion } from './aur-rpc.js';
import { renderAurFiles } from './render.js';
import { readAurRepo, renderedSources, sameAurFiles } from './repo-state.js';

export function aurPackageUrl(ctx: PlatformContext, name: string): string {
  return `${aurRpcBase(ctx)}/packages/${encodeURIComponent(name)}`;
}

const text = (contents: string | Uint8Array): string => (typeof contents === 'string' ? contents : Buffer.from(contents).toString('utf8'));

/**
 * The RPC says which version the AUR serves; when it is ours, the repository says whether it is
 * the same package: same sources and sha256sums and the same PKGBUILD (at the AUR's pkgrel) is
 * identical, anything else is different (force then publishes it as the next pkgrel).
 */
export async function checkAur(ctx: PlatformContext): Promise<Existence> {
  const ours = aurPackage(ctx);
  const url = aurPackageUrl(ctx, ours.pkgname);
  const info = await aurInfo(ctx, ours.pkgname);
  if (!info) return { state: 'absent', detail: `the AUR has no package ${ours.pkgname}` };
  const live = splitAurVersion(info.Version);
  if (live.pkgver !== ours.pkgver) {
    return { state: 'absent', detail: `the AUR serves ${ours.pkgname} ${info.Version}, not ${ours.pkgver}`, url };
  }
  const checkout = await cloneAurRepo(ctx);
  try {
    const repo = await readAurRepo(checkout.dir);
    const pkgrel = repo.pkgrel ?? live.pkgrel;
    const [pkgbuild, srcinfo] = renderAurFiles(ctx, pkgrel).map((f) => text(f.contents)) as [string, string];
    const wanted = renderedSources(srcinfo);
    if (wanted.join('\n') !== repo.sources.join('\n')) {
      const changed = wanted.filter((l) => !repo.sources.includes(l)).map((l) => l.split('=')[0]);
      return { state: 'different', detail: `${info.Version} has other sources or sha256sums (${changed.join(', ')}) than this release`, url };
    }
    if (!sameAurFiles(repo, pkgbuild, srcinfo)) {
      return { state: 'different', detail: `${info.Version} has the same binaries but other packaging; force publishes it as pkgrel ${pkgrel + 1}`, url };
    }
    return { state: 'identical', detail: `${info.Version}: PKGBUILD and sha256sums match`, url };
  } finally {
    await checkout.dispose();
  }
}
