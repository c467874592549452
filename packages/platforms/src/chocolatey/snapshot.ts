import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { chocolateyPackage } from './chocolatey-package.js';
import { buildNupkg, nupkgFileName } from './nupkg.js';

/** The .nupkg publish would push, from the same rendered nuspec and install script. */
export async function snapshotChocolatey(ctx: PlatformContext, files: readonly RenderedFile[], outDir: string): Promise<string[]> {
  const pkg = chocolateyPackage(ctx);
  const name = nupkgFileName(pkg.id, pkg.version);
  await writeFile(join(outDir, name), await buildNupkg(files));
  return [name];
}
