import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { pypiSettings } from './pypi-settings.js';
import { releaseWheels } from './release-wheels.js';

/** The wheels publish would upload, built the same way (fixed mtimes: same archive, same bytes). */
export async function snapshotPypi(ctx: PlatformContext, files: readonly RenderedFile[], outDir: string): Promise<string[]> {
  const wheels = await releaseWheels(ctx, pypiSettings(ctx), files);
  for (const w of wheels) await copyFile(w.path, join(outDir, w.filename));
  return wheels.map((w) => w.filename);
}
