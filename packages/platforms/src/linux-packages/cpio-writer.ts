/**
 * The cpio "new ASCII" (070701) archive an RPM payload is: per file a 110-byte header of
 * thirteen 8-digit hex fields, the NUL-terminated name padded to 4 bytes, the data padded to 4
 * bytes; then the `TRAILER!!!` entry. Names carry the `./` prefix (rpmlib PayloadFilesHavePrefix).
 */
export interface CpioFile {
  name: string;
  data: Uint8Array;
  mode: number;
  mtime: number;
  ino: number;
}

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
const pad4 = (n: number) => Buffer.alloc((4 - (n % 4)) % 4);

function record(name: string, data: Uint8Array, mode: number, mtime: number, ino: number, nlink: number): Buffer {
  const nameBytes = Buffer.from(`${name}\0`);
  const header = `070701${hex(ino)}${hex(mode)}${hex(0)}${hex(0)}${hex(nlink)}${hex(mtime)}${hex(data.length)}${hex(0)}${hex(0)}${hex(0)}${hex(0)}${hex(nameBytes.length)}${hex(0)}`;
  return Buffer.concat([Buffer.from(header, 'ascii'), nameBytes, pad4(110 + nameBytes.length), Buffer.from(data), pad4(data.length)]);
}

export function writeCpio(files: readonly CpioFile[]): Buffer {
  return Buffer.concat([
    ...files.map((f) => record(f.name, f.data, f.mode, f.mtime, f.ino, 1)),
    record('TRAILER!!!', new Uint8Array(0), 0, 0, 0, 1),
  ]);
}
