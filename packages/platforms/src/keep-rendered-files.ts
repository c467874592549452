import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { PlatformId } from './catalog.js';
import type { PlatformContext, RenderedFile } from './platform.js';
import { loadSnapshotBuilder } from './snapshot-builders.js';

/**
 * Write a platform's rendered files under `dir`, at their paths inside the package, so a snapshot
 * or a dry run leaves them to be read. A path that would land outside `dir` is a renderer bug, and
 * must not become a write anywhere else on the disk.
 */
export async function keepRenderedFiles(dir: string, files: readonly RenderedFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const target = resolve(dir, file.path);
    const inside = relative(dir, target);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw new Error(`a rendered file's path leaves its folder: ${file.path}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.contents, file.mode !== undefined ? { mode: file.mode } : {});
    written.push(inside.split(/[\\/]/).join('/'));
  }
  return written;
}

/** The folder of one spoke inside a version's dist folder: `npm`, `custom-mirror`. */
export function spokeDistDir(versionDir: string, key: string): string {
  return join(versionDir, key.replace(/[^a-z0-9-]/g, '-'));
}

/**
 * Keep a platform's package on disk without publishing it (`release --snapshot`, `release
 * --dry-run`): where a package is built from the rendered files (a wheel from its METADATA, a
 * nupkg from its nuspec), the packages go at the top of `dir` and what they were made from under
 * `files/`; where the rendered files are the package (a formula, a manifest), they go at the top.
 * Returns the paths written, relative to `dir`.
 */
export async function keepPackage(id: PlatformId, ctx: PlatformContext, files: readonly RenderedFile[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const builder = await loadSnapshotBuilder(id);
  if (!builder) return keepRenderedFiles(dir, files);
  const kept = (await keepRenderedFiles(join(dir, 'files'), files)).map((f) => `files/${f}`);
  return [...kept, ...(await builder(ctx, files, dir))];
}
