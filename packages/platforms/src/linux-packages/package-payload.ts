import { Parser, type ReadEntry } from 'tar';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { PackageSettings } from './package-settings.js';

/** A file a package installs, with its absolute path on the target system. */
export interface PayloadFile {
  path: string;
  data: Buffer;
  mode: number;
}

/** What goes into every format's package for one architecture. */
export interface Payload {
  files: PayloadFile[];
  /**
   * The timestamp every entry carries: the binary's own mtime in the release archive, so the same
   * release always builds byte-identical packages (the check compares digests).
   */
  mtime: number;
}

const strip = (path: string) => path.replace(/^\.\//, '');

/**
 * Reads the binary out of a release archive (a .tar.gz with the binary at its root), in memory and
 * without writing anything to disk: an unexpected entry in the archive never lands anywhere.
 */
export async function readPayload(archive: string, assetName: string, settings: PackageSettings): Promise<Payload> {
  const found = new Map<string, { data: Buffer; mtime: number }>();
  const parser = new Parser({
    strict: true,
    filter: (path) => strip(path) === settings.binary,
    onReadEntry: (entry: ReadEntry) => {
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => {
        if (entry.type === 'File' || entry.type === 'OldFile') {
          found.set(strip(entry.path), { data: Buffer.concat(chunks), mtime: Math.floor((entry.mtime?.getTime() ?? 0) / 1000) });
        }
      });
    },
  });
  await pipeline(createReadStream(archive), parser);
  const binary = found.get(settings.binary);
  if (!binary) throw new Error(`${assetName} has no ${settings.binary} at its root`);
  const files: PayloadFile[] = [{ path: `/usr/bin/${settings.binary}`, data: binary.data, mode: 0o755 }];
  // Archives made with an all-zero mtime would give packages dated 1970, which lintian and rpmlint
  // flag; 2000-01-01 is what our own archive step uses.
  return { files, mtime: binary.mtime > 0 ? binary.mtime : 946684800 };
}
