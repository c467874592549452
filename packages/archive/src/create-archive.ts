import { createHash, type Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { create as createTar } from 'tar';
import yazl from 'yazl';
import type { ArchiveFormat } from '@deployforge/targets';

export interface ArchiveEntry {
  /** File on disk. */
  source: string;
  /** Name inside the archive (at its root: `hello-forge`, `README.md`). */
  name: string;
  /** Unix mode; executables get 0o755 so they run straight after extraction. */
  mode: number;
}

// A fixed timestamp makes the same inputs give the same bytes, so a re-run of a build produces an
// archive with the same sha256 and the hub sees `identical` instead of a conflict.
const EPOCH = new Date('2000-01-01T00:00:00Z');

/**
 * The archive's bytes on their way to the file, hashed as they pass: the digest of what was written
 * without reading the archive back (issue 20: on a first release, the upload is its one read).
 */
async function* hashedOnTheWay(source: AsyncIterable<Buffer | string>, hash: Hash): AsyncGenerator<Buffer | string> {
  for await (const chunk of source) {
    hash.update(chunk);
    yield chunk;
  }
}

async function writeTarGz(entries: readonly ArchiveEntry[], destination: string, hash: Hash): Promise<void> {
  // tar takes paths relative to one folder, so the entries are staged as copies with the wanted
  // names (binaries are megabytes: the copy is cheap).
  const stage = await mkdtemp(join(tmpdir(), 'df-archive-'));
  const modes = new Map(entries.map((e) => [e.name, e.mode]));
  try {
    for (const e of entries) await copyFile(e.source, join(stage, e.name));
    const pack = createTar({
      // `portable` drops owners, atime/ctime and, in the gzip header, the OS byte zlib would fill
      // with the platform it was built for (19 on macOS, 10 on Windows): 255 everywhere instead.
      // No `file`: tar hands back its stream, which is hashed on its way to the destination.
      gzip: { level: 9 }, portable: true, mtime: EPOCH, cwd: stage,
      // Modes come from the entries, never from the file system: Windows has no executable bit,
      // and the umask or the build tool decides what a copy gets elsewhere.
      onWriteEntry: (entry) => {
        const wanted = modes.get(entry.path);
        if (entry.stat && wanted !== undefined) entry.stat.mode = (entry.stat.mode & ~0o7777) | wanted;
      },
    }, entries.map((e) => e.name));
    // tar's stream is a minipass one, not a Node stream: it is read through its async iterator.
    await pipeline(hashedOnTheWay(pack, hash), createWriteStream(destination));
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

// A zip entry's DOS date and time are local time: yazl derives them from the Date in the process's
// time zone, and its "UT" extra field holds the same instant in UTC. No instant reads the same in
// every zone, so the UT field is left out and the DOS fields are built from local 2000-01-01 00:00:
// the same bytes on a runner in UTC and on a laptop in Tokyo.
function zipEpoch(): Date {
  return new Date(2000, 0, 1, 0, 0, 0);
}

async function writeZip(entries: readonly ArchiveEntry[], destination: string, hash: Hash): Promise<void> {
  const zip = new yazl.ZipFile();
  // yazl reports an entry it cannot read (a folder, a file gone) on the ZipFile, not on its output
  // stream: unheard, it was an uncaught exception and the pipeline below waited forever.
  zip.on('error', (error: Error) => (zip.outputStream as Readable).destroy(error));
  const mtime = zipEpoch();
  for (const e of entries) zip.addFile(e.source, e.name, { mtime, mode: 0o100000 | e.mode, compress: true, forceDosTimestamp: true });
  zip.end();
  await pipeline(hashedOnTheWay(zip.outputStream as Readable, hash), createWriteStream(destination));
}

export interface HashedArchive {
  path: string;
  /** SHA-256 (hex) of the archive's bytes, computed as they were written. */
  sha256: string;
}

/** createArchiveHashed without the digest: the archive's path. */
export async function createArchive(format: ArchiveFormat, entries: readonly ArchiveEntry[], destination: string): Promise<string> {
  return (await createArchiveHashed(format, entries, destination)).path;
}

/**
 * Write a release archive with every entry at its root, and its SHA-256 from the bytes written.
 * Written to a `.partial` file and renamed, so an interrupted build never leaves a truncated
 * archive for the hub to upload.
 */
export async function createArchiveHashed(format: ArchiveFormat, entries: readonly ArchiveEntry[], destination: string): Promise<HashedArchive> {
  if (entries.length === 0) throw new Error(`createArchive: no files for ${destination}`);
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) throw new Error(`createArchive: two files named ${e.name} in ${destination}`);
    names.add(e.name);
    if (dirname(e.name) !== '.') throw new Error(`createArchive: ${e.name} must sit at the archive root`);
    await stat(e.source);
  }
  await mkdir(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  const hash = createHash('sha256');
  try {
    if (format === 'zip') {
      await writeZip(entries, partial, hash);
    } else {
      await writeTarGz(entries, partial, hash);
    }
    await rename(partial, destination);
    return { path: destination, sha256: hash.digest('hex') };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
