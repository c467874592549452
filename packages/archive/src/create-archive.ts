import { createWriteStream } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
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
  // tar takes paths relative to one folder and modes from the files themselves, so the entries are
  // staged as copies with the wanted names and modes (binaries are megabytes: the copy is cheap).
  const stage = await mkdtemp(join(tmpdir(), 'df-archive-'));
  try {
    for (const e of entries) {
      await copyFile(e.source, join(stage, e.name));
      await chmod(join(stage, e.name), e.mode);
    }
    await createTar({ gzip: { level: 9 }, portable: true, mtime: EPOCH, cwd: stage, file: destination }, entries.map((e) => e.name));
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

async function writeZip(entries: readonly ArchiveEntry[], destination: string): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addFile(e.source, e.name, { mtime: EPOCH, mode: 0o100000 | e.mode, compress: true });
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
