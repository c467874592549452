import type { PlatformContext, RenderedFile } from '../platform.js';
import { renderInstallerManifest, renderLocaleManifest, renderVersionManifest } from './manifests.js';
import { versionFolder, wingetPackage } from './winget-package.js';

/** The three manifests of a version, at their paths in winget-pkgs. Pure. */
export function renderWinget(ctx: PlatformContext): RenderedFile[] {
  const p = wingetPackage(ctx);
  const dir = versionFolder(p);
  return [
    { path: `${dir}/${p.identifier}.yaml`, contents: renderVersionManifest(p) },
    { path: `${dir}/${p.identifier}.installer.yaml`, contents: renderInstallerManifest(p) },
    { path: `${dir}/${p.identifier}.locale.en-US.yaml`, contents: renderLocaleManifest(p) },
  ];
}
