import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256File } from '@deployforge/github';
import type { ReleaseAsset } from '@deployforge/platforms';
import type { PlannedTarget } from '@deployforge/plan';

/**
 * SHA-256 of a local file: from `known` (by path; the packager's, taken as it wrote the archive)
 * when given there, so an archive built by this run is not read again only to be hashed.
 */
export function digestOf(path: string, known: ReadonlyMap<string, string> | undefined): Promise<string> {
  const digest = known?.get(path);
  return digest !== undefined ? Promise.resolve(digest) : sha256File(path);
}

/**
 * Assets described from local archives, for a dry run of a release that does not exist yet:
 * spokes render against the URLs the release will have and the checksums the hub would publish.
 */
export async function localReleaseAssets(dir: string, targets: readonly PlannedTarget[], downloadBase: string, known?: ReadonlyMap<string, string>): Promise<ReleaseAsset[]> {
  const present = new Set(await readdir(dir));
  const assets: ReleaseAsset[] = [];
  for (const t of targets) {
    if (!present.has(t.archive)) continue;
    const path = join(dir, t.archive);
    assets.push({ name: t.archive, target: t.target, url: `${downloadBase}/${t.archive}`, size: (await stat(path)).size, sha256: await digestOf(path, known), localPath: path });
  }
  return assets;
}

/**
 * Point spokes at the verified local copies of what the hub just uploaded (same name, same sha256).
 * An archive this run built is known by its packager's digest (the one the hub compared with the
 * release, and an upload checked the bytes it sent against); other files (`--artifacts`) are
 * hashed here.
 */
export async function attachLocalPaths(assets: readonly ReleaseAsset[], dir: string | undefined, known?: ReadonlyMap<string, string>): Promise<ReleaseAsset[]> {
  if (!dir) return [...assets];
  const out: ReleaseAsset[] = [];
  for (const a of assets) {
    const path = join(dir, a.name);
    const local = await stat(path).then((s) => s.isFile(), () => false);
    out.push(local && a.sha256 && (await digestOf(path, known)) === a.sha256 ? { ...a, localPath: path } : a);
  }
  return out;
}
