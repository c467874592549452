import { copyFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { readExtensionManifest } from './extension-manifest.js';
import { packageVsix } from './package-vsix.js';
import { vscodeSettings } from './vscode-settings.js';

/**
 * The .vsix publish would upload. The stores take only major.minor.patch: the runner hands this a
 * context whose version is the snapshot's core version (snapshotContext).
 */
export async function snapshotVscode(ctx: PlatformContext, _files: readonly RenderedFile[], outDir: string): Promise<string[]> {
  const settings = vscodeSettings(ctx);
  const manifest = await readExtensionManifest(settings.folder);
  const vsix = await packageVsix({ folder: settings.folder, manifest, version: settings.version, workDir: ctx.workDir, log: ctx.log });
  await copyFile(vsix, join(outDir, basename(vsix)));
  return [basename(vsix)];
}
