import { copyFile, link, mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { mapWithConcurrency } from '@deployforge/github';
import type { PlatformContext } from '../platform.js';
import type { LocalArchive } from './command-env.js';

const DOWNLOAD_CONCURRENCY = 4;

/**
 * A folder holding exactly the release's files: every archive, the released SHA256SUMS, the SBOM and
 * the signatures, each a verified download (ctx.fetchAsset) and so byte-identical to what the release
 * serves. A mirror made from it can be checked the way users check the release: the signatures
 * against SHA256SUMS, the files against SHA256SUMS. (It once held a SHA256SUMS of our own making
 * and no SBOM or signatures, which nothing could verify.)
 */
export async function releaseAssetsDir(ctx: PlatformContext): Promise<{ dir: string; archives: LocalArchive[] }> {
  const dir = join(ctx.workDir, 'release-assets');
  await mkdir(dir, { recursive: true });
  const placed = await mapWithConcurrency([...ctx.assets], DOWNLOAD_CONCURRENCY, async (asset) => {
    // Asset names come from GitHub's listing: never let one write outside the folder.
    if (basename(asset.name) !== asset.name || asset.name === '.' || asset.name === '..') throw new Error(`release asset name ${JSON.stringify(asset.name)} is not a plain file name`);
    const fetched = await ctx.fetchAsset(asset);
    const path = join(dir, asset.name);
    if (fetched !== path) await placeFile(fetched, path);
    return { asset, path };
  });
  const archives = placed.filter((p) => p.asset.target !== undefined).map((p) => ({ target: p.asset.target as string, path: p.path, sha256: p.asset.sha256 }));
  return { dir, archives };
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
