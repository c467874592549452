import { copyFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { packNpmPackages } from './pack-packages.js';
import { planNpmPackages } from './package-plan.js';
import { GITHUB_PACKAGES_FLAVOR, NPM_FLAVOR, resolveNpmSettings, type NpmFlavor } from './npm-settings.js';

/** The tarballs publish would upload (packNpmPackages is deterministic), copied out of the work dir. */
async function snapshotFlavor(flavor: NpmFlavor, ctx: PlatformContext, files: readonly RenderedFile[], outDir: string): Promise<string[]> {
  const plan = planNpmPackages(ctx, resolveNpmSettings(ctx, flavor));
  const packed = await packNpmPackages(ctx, plan, files);
  const written: string[] = [];
  for (const p of packed) {
    const name = basename(p.tarball.path);
    await copyFile(p.tarball.path, join(outDir, name));
    written.push(name);
  }
  return written;
}

export const snapshotNpm = (ctx: PlatformContext, files: readonly RenderedFile[], outDir: string) => snapshotFlavor(NPM_FLAVOR, ctx, files, outDir);
export const snapshotGithubPackages = (ctx: PlatformContext, files: readonly RenderedFile[], outDir: string) => snapshotFlavor(GITHUB_PACKAGES_FLAVOR, ctx, files, outDir);
