import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { OCI_LAYER_GZIP } from './oci-media-types.js';

/** A file to place in the layer. Directories above it are added automatically. */
export interface LayerFile {
  /** Absolute path inside the image: `/usr/local/bin/shimmy`. */
  path: string;
  /** File on disk holding the contents. */
  source: string;
  mode: number;
}

export interface BuiltLayer {
  mediaType: string;
  /** Digest of the compressed blob (what the manifest and the registry name it by). */
  digest: string;
  size: number;
  /** Digest of the uncompressed tar (the config's rootfs.diff_ids). */
  diffId: string;
  /** The blob on disk. */
  path: string;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  // width includes the trailing NUL.
  const text = value.toString(8);
  if (text.length > width - 1) throw new Error(`tar: ${value} does not fit in ${width - 1} octal digits`);
  return `${text.padStart(width - 1, '0')}\0`;
}

/**
 * One ustar header. Every field that could vary between machines is fixed (mtime 0, uid/gid 0, no user
 * or group names), so the same files always give the same tar and therefore the same diff_id.
 */
function header(name: string, size: number, mode: number, type: '0' | '5'): Buffer {
  const block = Buffer.alloc(BLOCK, 0);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(base) > 100) {
    // ustar splits long names at a slash into prefix (155) + name (100).
    const cut = name.lastIndexOf('/', name.length - 2);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
    if (cut < 0 || Buffer.byteLength(prefix) > 155 || Buffer.byteLength(base) > 100) throw new Error(`tar: path too long: ${name}`);
  }
  block.write(base, 0, 100, 'utf8');
  block.write(octal(mode, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(0, 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write(type, 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

/** The parent folders of every file, each once, as tar needs them listed before their contents. */
function directoriesOf(files: readonly LayerFile[]): string[] {
  const dirs = new Set<string>();
  for (const f of files) {
    const parts = f.path.replace(/^\/+/, '').split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) dirs.add(`${parts.slice(0, i).join('/')}/`);
  }
  return [...dirs].sort();
}

async function* tarStream(files: readonly LayerFile[]): AsyncGenerator<Buffer> {
  for (const dir of directoriesOf(files)) yield header(dir, 0, 0o755, '5');
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of sorted) {
    const { size } = await stat(f.source);
    yield header(f.path.replace(/^\/+/, ''), size, f.mode, '0');
    let written = 0;
    for await (const chunk of createReadStream(f.source, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      written += chunk.length;
      yield chunk;
    }
    if (written !== size) throw new Error(`tar: ${f.source} changed size while being read`);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad) yield Buffer.alloc(pad, 0);
  }
  // End of archive: two zero blocks.
  yield Buffer.alloc(BLOCK * 2, 0);
}

function hashing(hash: ReturnType<typeof createHash>, count?: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      if (count) count.bytes += chunk.length;
      done(null, chunk);
    },
  });
}

/**
 * Write a deterministic gzip layer into `dir`, streaming (constant memory for any binary size), and
 * return its compressed digest and its diff_id. The file is named after its digest, so a layer built
 * twice in one run is the same file.
 */
export async function buildLayer(files: readonly LayerFile[], dir: string): Promise<BuiltLayer> {
  const raw = createHash('sha256');
  const compressed = createHash('sha256');
  const size = { bytes: 0 };
  const partial = join(dir, `layer-${process.pid}-${Math.random().toString(36).slice(2)}.partial`);
  // gzip's header carries no name and mtime 0 in Node's zlib, so the bytes depend only on the input.
  await pipeline(Readable.from(tarStream(files)), hashing(raw), createGzip({ level: 9 }), hashing(compressed, size), createWriteStream(partial));
  const digest = `sha256:${compressed.digest('hex')}`;
  const path = join(dir, `${digest.slice('sha256:'.length)}.tar.gz`);
  await rename(partial, path);
  return { mediaType: OCI_LAYER_GZIP, digest, size: size.bytes, diffId: `sha256:${raw.digest('hex')}`, path };
}
