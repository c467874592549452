import { createWriteStream } from 'node:fs';
import { chmod, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { extract as extractTar } from 'tar';
import yauzl from 'yauzl';

/**
 * Copies the one executable out of a release archive (`.tar.gz`, or `.zip` for Windows) into
 * `destinationDir`, streaming, and returns its path. Archives hold the binary at their root
 * (DESIGN.md "Targets"), so anything else is left alone.
 */
export async function extractBinary(archive: string, binaryFile: string, destinationDir: string): Promise<string> {
  await mkdir(destinationDir, { recursive: true });
  const out = join(destinationDir, binaryFile);
  if (archive.endsWith('.zip')) {
    await extractFromZip(archive, binaryFile, out);
  } else {
    const stage = `${out}.d`;
    await rm(stage, { recursive: true, force: true });
    await mkdir(stage);
    let found = false;
    await extractTar({
      file: archive,
      cwd: stage,
      strict: true,
      filter: (path) => {
        const hit = path.replace(/^\.\//, '') === binaryFile;
        found ||= hit;
        return hit;
      },
    });
    if (!found) throw new Error(`${binaryFile} is not at the root of ${archive}`);
    await rename(join(stage, binaryFile), out);
    await rm(stage, { recursive: true, force: true });
  }
  await chmod(out, 0o755);
  return out;
}

async function extractFromZip(archive: string, binaryFile: string, out: string): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(archive, { lazyEntries: true, autoClose: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  try {
    const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => (e.fileName === binaryFile ? resolve(e) : zip.readEntry()));
      zip.on('end', () => resolve(undefined));
      zip.on('error', reject);
      zip.readEntry();
    });
    if (!entry) throw new Error(`${binaryFile} is not at the root of ${archive}`);
    const stream = await zip.openReadStreamPromise(entry);
    await pipeline(stream, createWriteStream(out));
  } finally {
    zip.close();
  }
}
