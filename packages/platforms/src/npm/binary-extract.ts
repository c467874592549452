import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Parser, type ReadEntry } from 'tar';
import yauzl from 'yauzl';

/** `./shimmy` and `shimmy` are the same root entry; archives made by other tools use either. */
const rootName = (path: string) => path.replace(/^\.\//, '');

async function extractFromTarGz(archive: string, file: string, destination: string): Promise<boolean> {
  let found = false;
  let writing: Promise<void> | undefined;
  const parser = new Parser({
    filter: (path) => rootName(path) === file,
    onReadEntry: (entry: ReadEntry) => {
      if (entry.type !== 'File' && entry.type !== 'OldFile') {
        entry.resume();
        return;
      }
      found = true;
      writing = pipeline(entry, createWriteStream(destination));
    },
  });
  await pipeline(createReadStream(archive, { highWaterMark: 1 << 20 }), parser);
  await writing;
  return found;
}

function openZip(archive: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(archive, { lazyEntries: true, autoClose: true }, (error, zip) => (error ? reject(error) : resolve(zip)));
  });
}

async function extractFromZip(archive: string, file: string, destination: string): Promise<boolean> {
  const zip = await openZip(archive);
  return new Promise<boolean>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(false));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (rootName(entry.fileName) !== file) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        pipeline(stream, createWriteStream(destination)).then(() => {
          zip.close();
          resolve(true);
        }, reject);
      });
    });
    zip.readEntry();
  });
}

/**
 * Copy one file from the root of a release archive (`.tar.gz` or `.zip`) to `destination`, streamed,
 * and make it executable. Throws naming the archive when the file is not at its root.
 */
export async function extractBinary(archive: string, file: string, destination: string): Promise<void> {
  await mkdir(dirname(destination), { recursive: true });
  const found = archive.endsWith('.zip')
    ? await extractFromZip(archive, file, destination)
    : await extractFromTarGz(archive, file, destination);
  if (!found) throw new Error(`${file} is not at the root of ${archive.split('/').pop()}`);
  await chmod(destination, 0o755);
}
