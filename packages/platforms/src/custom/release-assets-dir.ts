import { copyFile, link, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mapWithConcurrency } from '@deployforge/github';
import type { PlatformContext } from '../platform.js';
import type { LocalArchive } from './command-env.js';

const SUMS = 'SHA256SUMS';
const DOWNLOAD_CONCURRENCY = 4;

/**
 * A folder holding the release's archives, each a verified download (ctx.fetchAsset), plus a
 * SHA256SUMS written from the hub's record of their digests. Building the sums file here rather
 * than downloading it means every byte in the folder was checked against that one record.
 */
export async function releaseAssetsDir(ctx: PlatformContext): Promise<{ dir: string; archives: LocalArchive[] }> {
  const dir = join(ctx.workDir, 'release-assets');
  await mkdir(dir, { recursive: true });
  const archives = ctx.assets.filter((a) => a.target !== undefined && a.name !== SUMS);
  const local = await mapWithConcurrency(archives, DOWNLOAD_CONCURRENCY, async (asset) => {
    const fetched = await ctx.fetchAsset(asset);
    const path = join(dir, asset.name);
    if (fetched !== path) await placeFile(fetched, path);
    return { target: asset.target as string, path, sha256: asset.sha256 };
  });
  const sums = archives.map((a) => `${a.sha256}  ${a.name}\n`).join('');
  await writeFile(join(dir, SUMS), sums);
  return { dir, archives: local };
}

/** A hard link costs nothing; across file systems, a copy. */
async function placeFile(from: string, to: string): Promise<void> {
  await rm(to, { force: true });
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}
