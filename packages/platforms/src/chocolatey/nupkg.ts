import { createHash } from 'node:crypto';
import yazl from 'yazl';
import type { RenderedFile } from '../platform.js';

// A fixed timestamp: the same files must always zip to the same bytes, or the feed's PackageHash
// would never match and every re-run would look like "different".
const EPOCH = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** Zips the rendered entries into a .nupkg, deterministically (fixed order, times and modes). */
export function buildNupkg(files: readonly RenderedFile[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const f of files) {
      const data = typeof f.contents === 'string' ? Buffer.from(f.contents, 'utf8') : Buffer.from(f.contents);
      zip.addBuffer(data, f.path, { mtime: EPOCH, mode: 0o100644, compress: true });
    }
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.once('error', reject);
    zip.outputStream.once('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** NuGet v2 feeds publish `PackageHash` as base64 sha512 of the .nupkg. */
export function nupkgHash(nupkg: Buffer): string {
  return createHash('sha512').update(nupkg).digest('base64');
}

export function nupkgFileName(id: string, version: string): string {
  return `${id}.${version}.nupkg`;
}
