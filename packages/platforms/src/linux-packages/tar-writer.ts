/**
 * A small in-memory ustar writer for package payloads (.deb data/control, .apk segments). The
 * binaries we package are a few megabytes, so building in memory keeps the code short, and every
 * field that could vary between machines is fixed by the caller, so the same input gives the same
 * bytes (a re-run must find the identical package already in the repository).
 */
export interface TarEntry {
  /** Path as stored, e.g. `./usr/bin/tool` or `.PKGINFO`; folders end with `/`. */
  path: string;
  /** Absent for folders. */
  data?: Uint8Array;
  mode: number;
  mtime: number;
  /** Type flag: regular file or folder from `data`; `x` for a PAX extended header. */
  type?: 'x';
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  const text = value.toString(8);
  if (text.length > width - 1) throw new Error(`tar: ${value} does not fit in ${width - 1} octal digits`);
  return `${text.padStart(width - 1, '0')}\0`;
}

/** Splits a long path into ustar's prefix (155 bytes) and name (100 bytes). */
function splitName(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  const cut = path.lastIndexOf('/', path.length - 2);
  const prefix = path.slice(0, cut);
  const name = path.slice(cut + 1);
  if (cut < 0 || Buffer.byteLength(prefix) > 155 || Buffer.byteLength(name) > 100) throw new Error(`tar: path too long: ${path}`);
  return { prefix, name };
}

export function tarHeader(entry: TarEntry): Buffer {
  const block = Buffer.alloc(BLOCK, 0);
  const folder = entry.data === undefined;
  const { prefix, name } = splitName(entry.path);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(entry.mode, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(folder ? 0 : entry.data!.length, 12), 124, 'ascii');
  block.write(octal(entry.mtime, 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write(entry.type ?? (folder ? '5' : '0'), 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  // dpkg and lintian read owner names; root:root is what every distribution package carries.
  block.write('root', 265, 32, 'ascii');
  block.write('root', 297, 32, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

/** Header + contents + padding of one entry. */
export function tarRecord(entry: TarEntry): Buffer {
  const parts = [tarHeader(entry)];
  if (entry.data && entry.data.length) {
    parts.push(Buffer.from(entry.data));
    const pad = (BLOCK - (entry.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad, 0));
  }
  return Buffer.concat(parts);
}

/** A complete tar: the entries in the given order, then the two zero blocks that end it. */
export function writeTar(entries: readonly TarEntry[], options: { endBlocks?: boolean } = {}): Buffer {
  const body = entries.map(tarRecord);
  if (options.endBlocks !== false) body.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(body);
}
