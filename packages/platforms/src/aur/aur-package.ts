import type { PlatformContext, ReleaseAsset } from '../platform.js';
import { aurTargets } from '@deployforge/targets';
import { toPkgver } from './pacman-version.js';

export { toPkgver } from './pacman-version.js';

/** One architecture of the `-bin` package: the release archive it downloads and its digest. */
export interface AurArchSource {
  arch: 'x86_64' | 'aarch64';
  /** The local file name makepkg saves the download as (`<name>-<ver>-<arch>.tar.gz`). */
  file: string;
  url: string;
  sha256: string;
}

/** Everything PKGBUILD and .SRCINFO are written from; one model so the two can never disagree. */
export interface AurPackage {
  pkgname: string;
  pkgver: string;
  pkgrel: number;
  pkgdesc: string;
  url?: string;
  license?: string;
  /** What the package provides and conflicts with: the plain (non `-bin`) name. */
  provides: string;
  /** The executable inside each archive, installed to /usr/bin. */
  binary: string;
  /** A license file shipped in the archives (from `build.files`), installed to /usr/share/licenses. */
  licenseFile?: string;
  sources: AurArchSource[];
}

const LICENSE_FILE = /^(?:LICEN[CS]E|COPYING)(?:[.-][A-Za-z0-9.-]+)?$/i;

function assetFor(assets: readonly ReleaseAsset[], target: string): ReleaseAsset {
  const asset = assets.find((a) => a.target === target);
  if (!asset) throw new Error(`the release has no archive for ${target}, which the AUR package needs`);
  return asset;
}

/** The package model for this release. Pure: reads only the context's data, never the network. */
export function aurPackage(ctx: PlatformContext, pkgrel = 1): AurPackage {
  const { config } = ctx;
  const name = config.project.name;
  const aur = config.platforms.aur;
  const pkgname = aur?.package ?? `${name}-bin`;
  const pkgver = toPkgver(ctx.version.version);
  const picked = aurTargets(config.build.targets);
  if (picked.length === 0) throw new Error('no Linux target is built, so there is nothing to package for the AUR');
  const sources = picked.map((t): AurArchSource => {
    const arch = t.aur as AurArchSource['arch'];
    const asset = assetFor(ctx.assets, t.id);
    return { arch, file: `${name}-${pkgver}-${arch}.tar.gz`, url: asset.url, sha256: asset.sha256 };
  });
  const licenseFile = (config.build.files ?? []).map((f) => f.split('/').pop() ?? f).find((f) => LICENSE_FILE.test(f));
  const homepage = config.project.homepage ?? (config.project.repository ? `https://github.com/${config.project.repository}` : undefined);
  return {
    pkgname,
    pkgver,
    pkgrel,
    pkgdesc: config.project.description ?? name,
    ...(homepage ? { url: homepage } : {}),
    ...(config.project.license ? { license: config.project.license } : {}),
    provides: name,
    binary: config.build.binary ?? name,
    ...(licenseFile ? { licenseFile } : {}),
    sources,
  };
}
