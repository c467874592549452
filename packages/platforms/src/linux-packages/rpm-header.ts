/**
 * The RPM header structure (used twice in every .rpm: the signature header and the main header):
 * magic `8e ad e8 01`, 4 reserved bytes, the entry count and the data size (big-endian int32),
 * then 16-byte index entries (tag, type, offset, count) and the data store. Both headers open
 * with a "region" entry (tag 62 or 63) whose trailer, at the end of the data, marks which entries
 * the signature covers; rpm reads a header without one as a legacy header and warns.
 */
export const RPM_TYPE = { INT16: 3, INT32: 4, STRING: 6, BIN: 7, STRING_ARRAY: 8, I18NSTRING: 9 } as const;

export type RpmValue =
  | { type: typeof RPM_TYPE.INT16 | typeof RPM_TYPE.INT32; values: number[] }
  | { type: typeof RPM_TYPE.STRING | typeof RPM_TYPE.I18NSTRING; value: string }
  | { type: typeof RPM_TYPE.STRING_ARRAY; values: string[] }
  | { type: typeof RPM_TYPE.BIN; bytes: Uint8Array };

export const int32 = (...values: number[]): RpmValue => ({ type: RPM_TYPE.INT32, values });
export const int16 = (...values: number[]): RpmValue => ({ type: RPM_TYPE.INT16, values });
export const str = (value: string): RpmValue => ({ type: RPM_TYPE.STRING, value });
export const i18n = (value: string): RpmValue => ({ type: RPM_TYPE.I18NSTRING, value });
export const strs = (values: string[]): RpmValue => ({ type: RPM_TYPE.STRING_ARRAY, values });
export const bin = (bytes: Uint8Array): RpmValue => ({ type: RPM_TYPE.BIN, bytes });

const ALIGN: Record<number, number> = { [RPM_TYPE.INT16]: 2, [RPM_TYPE.INT32]: 4 };

function encode(v: RpmValue): { data: Buffer; count: number } {
  switch (v.type) {
    case RPM_TYPE.INT16: {
      const b = Buffer.alloc(v.values.length * 2);
      v.values.forEach((n, i) => b.writeUInt16BE(n & 0xffff, i * 2));
      return { data: b, count: v.values.length };
    }
    case RPM_TYPE.INT32: {
      const b = Buffer.alloc(v.values.length * 4);
      v.values.forEach((n, i) => b.writeUInt32BE(n >>> 0, i * 4));
      return { data: b, count: v.values.length };
    }
    case RPM_TYPE.STRING:
    case RPM_TYPE.I18NSTRING:
      return { data: Buffer.from(`${v.value}\0`), count: 1 };
    case RPM_TYPE.STRING_ARRAY:
      return { data: Buffer.concat(v.values.map((s) => Buffer.from(`${s}\0`))), count: v.values.length };
    case RPM_TYPE.BIN:
      return { data: Buffer.from(v.bytes), count: v.bytes.length };
  }
}

/** A header with its region entry `regionTag` (62 signature, 63 main); entries are written in tag order. */
export function writeRpmHeader(regionTag: 62 | 63, entries: ReadonlyMap<number, RpmValue>): Buffer {
  const tags = [...entries.keys()].sort((a, b) => a - b);
  const count = tags.length + 1;
  const index: Buffer[] = [];
  const store: Buffer[] = [];
  let size = 0;
  const entry = (tag: number, type: number, offset: number, n: number) => {
    const b = Buffer.alloc(16);
    b.writeInt32BE(tag, 0);
    b.writeInt32BE(type, 4);
    b.writeInt32BE(offset, 8);
    b.writeInt32BE(n, 12);
    return b;
  };
  for (const tag of tags) {
    const value = entries.get(tag)!;
    const align = ALIGN[value.type] ?? 1;
    const pad = (align - (size % align)) % align;
    if (pad) {
      store.push(Buffer.alloc(pad));
      size += pad;
    }
    const { data, count: n } = encode(value);
    index.push(entry(tag, value.type, size, n));
    store.push(data);
    size += data.length;
  }
  // The region trailer: the same tag, pointing back over every index entry of the header.
  const trailerOffset = size;
  store.push(entry(regionTag, RPM_TYPE.BIN, -count * 16, 16));
  size += 16;
  const intro = Buffer.alloc(16);
  intro.set([0x8e, 0xad, 0xe8, 0x01], 0);
  intro.writeInt32BE(count, 8);
  intro.writeInt32BE(size, 12);
  return Buffer.concat([intro, entry(regionTag, RPM_TYPE.BIN, trailerOffset, 16), ...index, ...store]);
}

/** The 96-byte lead: magic, format 3.0, binary, arch number, the NEVR, Linux, header-style signature. */
export function writeRpmLead(nevr: string, arch: string): Buffer {
  const lead = Buffer.alloc(96);
  lead.set([0xed, 0xab, 0xee, 0xdb, 3, 0], 0);
  lead.writeUInt16BE(0, 6);
  lead.writeUInt16BE(arch === 'aarch64' ? 19 : 1, 8);
  lead.write(nevr.slice(0, 65), 10, 'utf8');
  lead.writeUInt16BE(1, 76);
  lead.writeUInt16BE(5, 78);
  return lead;
}
