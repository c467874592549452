import type { LiveStatus, PlatformContext } from '../platform.js';
import { aurInfo, splitAurVersion } from './aur-rpc.js';
import { aurPackageUrl } from './check.js';
import { fromPkgver } from './pacman-version.js';

/** The version the AUR serves, back in semver form (`1.0.0rc1` → `1.0.0-rc.1`). */
export async function aurStatus(ctx: PlatformContext): Promise<LiveStatus> {
  const name = ctx.config.platforms.aur?.package ?? `${ctx.config.project.name}-bin`;
  const info = await aurInfo(ctx, name);
  if (!info) return { detail: `the AUR has no package ${name}` };
  const { pkgver, pkgrel } = splitAurVersion(info.Version);
  return { latest: fromPkgver(pkgver), url: aurPackageUrl(ctx, name), detail: `${name} ${pkgver}-${pkgrel}` };
}
