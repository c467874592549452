import type { PlatformContext, RenderedFile } from '../platform.js';
import { aurPackage } from './aur-package.js';
import { renderPkgbuild } from './pkgbuild.js';
import { renderSrcinfo } from './srcinfo.js';

/** PKGBUILD and .SRCINFO for a given pkgrel; publish picks the pkgrel after looking at the repo. */
export function renderAurFiles(ctx: PlatformContext, pkgrel = 1): RenderedFile[] {
  const pkg = aurPackage(ctx, pkgrel);
  return [
    { path: 'PKGBUILD', contents: renderPkgbuild(pkg, ctx.config.project.maintainer) },
    { path: '.SRCINFO', contents: renderSrcinfo(pkg) },
  ];
}

/** Pure render for the platform interface: a new version always starts at pkgrel 1. */
export function renderAur(ctx: PlatformContext): RenderedFile[] {
  return renderAurFiles(ctx, 1);
}
