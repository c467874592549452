import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ConfigurationError } from '@deployforge/diagnostics';
import { contentTypeFor } from './content-type.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { sha256File } from './sha256-file.js';
import { renderSha256Sums } from './sha256sums.js';

/** A file to publish, with everything the state machine compares. */
export interface LocalAsset {
  name: string;
  path: string;
  size: number;
  sha256: string;
  contentType: string;
}

/**
 * A file to publish whose sha256 may not be known yet. On a first upload the upload computes it
 * from the read that streams the bytes (issue 20: one read per file); it is read just to be
 * hashed only where an asset of its name on the release must be compared first (withDigest).
 * Mutable on purpose: whichever of the two learns the digest records it here, once.
 */
export type PendingAsset = Omit<LocalAsset, 'sha256'> & { sha256?: string };

export const SHA256SUMS_NAME = 'SHA256SUMS';

/** The asset with its sha256, hashing the file only when nothing has computed it yet. */
export async function withDigest(asset: PendingAsset, signal?: AbortSignal): Promise<LocalAsset> {
  asset.sha256 ??= await sha256File(asset.path, signal ? { signal } : {});
  return asset as LocalAsset;
}

/** Whether every one of `assets` has its sha256 (the type guard TypeScript cannot infer). */
export function allHashed(assets: readonly PendingAsset[]): assets is readonly LocalAsset[] {
  return assets.every((a) => a.sha256 !== undefined);
}

/** SHA-256 by path, to hand to the next step that would otherwise hash the same files again. */
export function digestsOf(assets: readonly LocalAsset[]): ReadonlyMap<string, string> {
  return new Map(assets.map((a) => [a.path, a.sha256]));
}

/**
 * Stat and hash every file (two at a time: hashing is I/O- and CPU-bound on different resources).
 * `known` digests (by path) are taken as they are, so a release reads each archive once.
 * A missing path is the user's mistake (a wrong artifacts glob), hence ConfigurationError.
 */
export async function describeLocalAssets(files: readonly string[], signal?: AbortSignal, known?: ReadonlyMap<string, string>): Promise<LocalAsset[]> {
  return mapWithConcurrency(files, 2, async (path) => withDigest(await statLocalAsset(path, known), signal));
}

/**
 * Like describeLocalAssets, without reading the files: the sha256 is filled in from `known` where
 * given and is otherwise left for the upload (or withDigest) to compute.
 */
export async function statLocalAssets(files: readonly string[], known?: ReadonlyMap<string, string>): Promise<PendingAsset[]> {
  return Promise.all(files.map((path) => statLocalAsset(path, known)));
}

async function statLocalAsset(path: string, known?: ReadonlyMap<string, string>): Promise<PendingAsset> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ConfigurationError(`release assets: ${path} is not a regular file`);
    size = info.size;
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(`release assets: cannot read ${path}: ${(error as Error).message}`);
  }
  const sha256 = known?.get(path);
  return { name: basename(path), path, size, ...(sha256 !== undefined ? { sha256 } : {}), contentType: contentTypeFor(path) };
}

/**
 * Write SHA256SUMS listing every asset into `dir` (a fresh temp dir when omitted) and describe it.
 * Its content depends only on the assets, so a re-run produces the same bytes and skips it.
 */
export async function writeChecksumsAsset(assets: readonly LocalAsset[], dir?: string): Promise<LocalAsset> {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'deployforge-sums-')));
  const path = join(folder, SHA256SUMS_NAME);
  await writeFile(path, renderSha256Sums(assets.map(({ name, sha256 }) => ({ name, sha256 }))));
  const [described] = await describeLocalAssets([path]);
  return described!;
}
