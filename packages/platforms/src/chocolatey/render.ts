import type { PlatformContext, RenderedFile } from '../platform.js';
import { chocolateyPackage } from './chocolatey-package.js';
import { renderInstallScript } from './install-script.js';
import { renderNuspec } from './nuspec.js';
import { opcParts } from './opc-parts.js';

/** Every entry of the .nupkg, in the order they are zipped. Pure: publish and check zip these. */
export function renderChocolatey(ctx: PlatformContext): RenderedFile[] {
  const pkg = chocolateyPackage(ctx);
  const content: RenderedFile[] = [
    { path: `${pkg.id}.nuspec`, contents: renderNuspec(pkg) },
    { path: 'tools/chocolateyinstall.ps1', contents: renderInstallScript(pkg) },
  ];
  return [...content, ...opcParts(pkg, content.map((f) => f.path))];
}
