import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

export interface WheelContents {
  /** Path inside the wheel → text (METADATA, WHEEL), in the order they are written. */
  texts: readonly { path: string; contents: string | Uint8Array }[];
  /** The binary on disk and where it goes (`<dist>-<ver>.data/scripts/<binary>`). */
  binary: { source: string; path: string };
  /** `<dist>-<ver>.dist-info/RECORD`. */
  recordPath: string;
}

export interface BuiltWheel {
  path: string;
  sha256: string;
  size: number;
}

// Local-time constructor on purpose: zip stores DOS local time, and yazl converts with the local
// clock, so this gives the same bytes in every time zone. Fixed so a rebuild has the same sha256.
const MTIME = new Date(2000, 0, 1, 0, 0, 0);

/** PEP 376/427 RECORD hash: `sha256=` + urlsafe base64 without `=` padding. */
export function recordHash(digest: Buffer): string {
  return `sha256=${digest.toString('base64url')}`;
}

async function sha256File(path: string): Promise<{ digest: Buffer; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { digest: hash.digest(), size };
}

/**
 * Writes a deterministic wheel: the binary first, then the metadata, RECORD last (installers read
 * `.dist-info` from the end). Same inputs, same bytes, so a re-run finds `identical` on PyPI. The
 * binary is streamed from disk; the wheel is hashed while it is written.
 */
export async function buildWheel(contents: WheelContents, destination: string): Promise<BuiltWheel> {
  const record: string[] = [];
  const { digest, size } = await sha256File(contents.binary.source);
  record.push(`${contents.binary.path},${recordHash(digest)},${size}`);
  const zip = new yazl.ZipFile();
  // 0o100755: a regular file, executable, so pip installs the script runnable.
  zip.addFile(contents.binary.source, contents.binary.path, { mtime: MTIME, mode: 0o100755, compress: true });
  for (const file of contents.texts) {
    const bytes = typeof file.contents === 'string' ? Buffer.from(file.contents, 'utf8') : Buffer.from(file.contents);
    record.push(`${file.path},${recordHash(createHash('sha256').update(bytes).digest())},${bytes.length}`);
    zip.addBuffer(bytes, file.path, { mtime: MTIME, mode: 0o100644, compress: true });
  }
  record.push(`${contents.recordPath},,`);
  zip.addBuffer(Buffer.from(`${record.join('\n')}\n`, 'utf8'), contents.recordPath, { mtime: MTIME, mode: 0o100644, compress: true });
  zip.end();

  await mkdir(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  const hash = createHash('sha256');
  const tap = new PassThrough();
  tap.on('data', (chunk: Buffer) => hash.update(chunk));
  try {
    await pipeline(zip.outputStream, tap, createWriteStream(partial));
    await rename(partial, destination);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { path: destination, sha256: hash.digest('hex'), size: (await stat(destination)).size };
}
