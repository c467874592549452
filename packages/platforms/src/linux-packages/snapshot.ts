import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { buildPackages } from './build-packages.js';
import { packageSettings } from './package-settings.js';

/** The .deb/.rpm/.apk files publish would add, under `<format>/`, built offline from the local archives. */
export async function snapshotLinuxPackages(ctx: PlatformContext, _files: readonly RenderedFile[], outDir: string): Promise<string[]> {
  const built = await buildPackages(ctx, packageSettings(ctx));
  const written: string[] = [];
  for (const { job, pkg } of built) {
    const rel = job.format === 'apk' ? `apk/${job.arch}/${pkg.fileName}` : `${job.format}/${pkg.fileName}`;
    await mkdir(dirname(join(outDir, rel)), { recursive: true });
    await writeFile(join(outDir, rel), pkg.data);
    written.push(rel);
  }
  return written;
}
