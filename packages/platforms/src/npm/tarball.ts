import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { create as createTar } from 'tar';
import type { RenderedFile } from '../platform.js';

/** A packed package on disk and the digests the registry records for it. */
export interface NpmTarball {
  path: string;
  size: number;
  /** `sha512-<base64>`: the registry's `dist.integrity`. */
  integrity: string;
  /** Hex sha1: the registry's legacy `dist.shasum`. */
  shasum: string;
  /**
   * sha512 hex of the *uncompressed* tar. Two zlib builds may compress the same tar to other
   * bytes; comparing this tells "same content, other compressor" from "other content".
   */
  contentSha512: string;
}

// The same inputs must give the same bytes, so a re-run computes the integrity the registry
// already has and sees `identical`. npm pack uses this same fixed date for the same reason.
const MTIME = new Date('1985-10-26T08:15:00Z');

/** One file to put into a package, from the rendered text or from a file on disk (binaries). */
export type TarballEntry = { path: string; mode: number } & ({ contents: RenderedFile['contents'] } | { source: string });

async function digest(path: string, algorithms: string[], gunzip = false): Promise<string[]> {
  const hashes = algorithms.map((a) => createHash(a));
  const sink = async (stream: AsyncIterable<Buffer>) => {
    for await (const chunk of stream) for (const h of hashes) h.update(chunk);
  };
  const source = createReadStream(path, { highWaterMark: 1 << 20 });
  if (gunzip) await pipeline(source, createGunzip(), sink);
  else await pipeline(source, sink);
  return hashes.map((h) => h.digest('hex'));
}

/** Digests of a tarball already on disk (ours or one downloaded from the registry). */
export async function tarballDigests(path: string): Promise<Omit<NpmTarball, 'path'>> {
  const [sha512, sha1] = await digest(path, ['sha512', 'sha1']);
  const [contentSha512] = await digest(path, ['sha512'], true);
  return {
    size: (await stat(path)).size,
    integrity: `sha512-${Buffer.from(sha512!, 'hex').toString('base64')}`,
    shasum: sha1!,
    contentSha512: contentSha512!,
  };
}

/**
 * Pack files into `destination` the way `npm pack` lays a package out (`package/` prefix), with
 * fixed mtimes, no owners and explicit modes, so the bytes depend on the contents alone.
 * Files are staged in a scratch folder next to the tarball and streamed from there.
 */
export async function packTarball(entries: readonly TarballEntry[], destination: string): Promise<NpmTarball> {
  await mkdir(dirname(destination), { recursive: true });
  const stage = await mkdtemp(`${destination}.stage-`);
  try {
    const names = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const e of names) {
      const target = join(stage, e.path);
      await mkdir(dirname(target), { recursive: true });
      if ('source' in e) {
        await pipeline(createReadStream(e.source, { highWaterMark: 1 << 20 }), createWriteStream(target));
      } else {
        await writeFile(target, e.contents);
      }
      // chmod is not subject to the umask, unlike the mode given when creating a file.
      await chmod(target, e.mode);
    }
    await createTar(
      { gzip: { level: 9 }, portable: true, noDirRecurse: true, mtime: MTIME, prefix: 'package', cwd: stage, file: destination },
      names.map((e) => e.path),
    );
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
  return { path: destination, ...(await tarballDigests(destination)) };
}
