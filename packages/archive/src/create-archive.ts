import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

async function writeTarGz(entries: readonly ArchiveEntry[], destination: string): Promise<void> {
  // tar takes paths relative to one folder, so the entries are staged as copies with the wanted
  // names (binaries are megabytes: the copy is cheap).
  const stage = await mkdtemp(join(tmpdir(), 'df-archive-'));
  const modes = new Map(entries.map((e) => [e.name, e.mode]));
  try {
    for (const e of entries) await copyFile(e.source, join(stage, e.name));
    await createTar({
      // `portable` drops owners, atime/ctime and, in the gzip header, the OS byte zlib would fill
      // with the platform it was built for (19 on macOS, 10 on Windows): 255 everywhere instead.
      gzip: { level: 9 }, portable: true, mtime: EPOCH, cwd: stage, file: destination,
      // Modes come from the entries, never from the file system: Windows has no executable bit,
      // and the umask or the build tool decides what a copy gets elsewhere.
      onWriteEntry: (entry) => {
        const wanted = modes.get(entry.path);
        if (entry.stat && wanted !== undefined) entry.stat.mode = (entry.stat.mode & ~0o7777) | wanted;
      },
    }, entries.map((e) => e.name));
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

async function writeZip(entries: readonly ArchiveEntry[], destination: string): Promise<void> {
  const zip = new yazl.ZipFile();
  const mtime = zipEpoch();
  for (const e of entries) zip.addFile(e.source, e.name, { mtime, mode: 0o100000 | e.mode, compress: true, forceDosTimestamp: true });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(destination));
}

/**
 * Write a release archive with every entry at its root. Written to a `.partial` file and renamed,
 * so an interrupted build never leaves a truncated archive for the hub to upload.
 */
export async function createArchive(format: ArchiveFormat, entries: readonly ArchiveEntry[], destination: string): Promise<string> {
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
  try {
    if (format === 'zip') {
      await writeZip(entries, partial);
    } else {
      await writeTarGz(entries, partial);
    }
    await rename(partial, destination);
    return destination;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
