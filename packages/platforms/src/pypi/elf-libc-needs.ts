import { open, type FileHandle } from 'node:fs/promises';

/**
 * What a Linux binary needs from the C library, read from its ELF file the way `objdump -T` shows it:
 * the symbol versions in `.gnu.version_r` (the version-needed section the dynamic symbols point into),
 * e.g. `GLIBC_2.34` from `libc.so.6`, and the program interpreter (`/lib/ld-musl-x86_64.so.1` marks a
 * musl binary, which has no symbol versions at all). A manylinux wheel tag is a promise about the glibc
 * the binary needs (PEP 600), so the tag is derived from this rather than assumed.
 */
export type ElfLibcNeeds =
  | { kind: 'not-elf' }
  | {
      kind: 'elf';
      /** `x86_64`, `aarch64`, or `machine-<n>` for anything else. */
      machine: string;
      /** PT_INTERP, when the binary is dynamically linked. */
      interpreter?: string;
      libc: 'glibc' | 'musl' | 'static';
      /** The highest `GLIBC_x.y` needed, as `[x, y]`; undefined when none is. */
      glibc?: [number, number];
      /** The highest `GLIBCXX_x.y.z` needed (libstdc++), as text. */
      glibcxx?: string;
      /** Every `file: VERSION` pair of the version-needed section, in file order. */
      versions: string[];
    };

const SHT_GNU_VERNEED = 0x6ffffffe;
const PT_INTERP = 3;
const MACHINES: Record<number, string> = { 62: 'x86_64', 183: 'aarch64' };

class Reader {
  constructor(
    private readonly fh: FileHandle,
    private readonly little: boolean,
    readonly size: number,
  ) {}
  async bytes(offset: number, length: number, what: string): Promise<Buffer> {
    if (offset < 0 || length < 0 || offset + length > this.size) throw new Error(`ELF ${what} lies outside the file (offset ${offset}, ${length} bytes)`);
    const buf = Buffer.alloc(length);
    await this.fh.read(buf, 0, length, offset);
    return buf;
  }
  u16 = (b: Buffer, at: number): number => (this.little ? b.readUInt16LE(at) : b.readUInt16BE(at));
  u32 = (b: Buffer, at: number): number => (this.little ? b.readUInt32LE(at) : b.readUInt32BE(at));
  u64 = (b: Buffer, at: number): number => {
    const v = this.little ? b.readBigUInt64LE(at) : b.readBigUInt64BE(at);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('ELF offset too large');
    return Number(v);
  };
}

const cString = (table: Buffer, at: number): string => {
  const end = table.indexOf(0, at);
  return table.toString('latin1', at, end < 0 ? table.length : end);
};

const compareVersions = (a: string, b: string): number => {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

/** Reads the binary's C library needs. Only the headers and two small sections are read, never the whole file. */
export async function readElfLibcNeeds(path: string): Promise<ElfLibcNeeds> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const ident = Buffer.alloc(64);
    const { bytesRead } = await fh.read(ident, 0, 64, 0);
    if (bytesRead < 64 || ident.readUInt32BE(0) !== 0x7f454c46) return { kind: 'not-elf' };
    if (ident[4] !== 2) throw new Error(`${path} is a 32-bit ELF file; only 64-bit Linux binaries go into wheels here`);
    const r = new Reader(fh, ident[5] === 1, size);
    const machineId = r.u16(ident, 0x12);
    const machine = MACHINES[machineId] ?? `machine-${machineId}`;

    // Program headers: the interpreter says glibc (ld-linux) or musl (ld-musl), or nothing (static).
    const phoff = r.u64(ident, 0x20);
    const phentsize = r.u16(ident, 0x36);
    const phnum = r.u16(ident, 0x38);
    let interpreter: string | undefined;
    if (phnum > 0) {
      const ph = await r.bytes(phoff, phentsize * phnum, 'program headers');
      for (let i = 0; i < phnum; i++) {
        const at = i * phentsize;
        if (r.u32(ph, at) !== PT_INTERP) continue;
        const raw = await r.bytes(r.u64(ph, at + 8), r.u64(ph, at + 32), 'interpreter');
        interpreter = cString(raw, 0);
      }
    }

    // Section headers: .gnu.version_r (SHT_GNU_verneed) and the string table it links to (.dynstr).
    const shoff = r.u64(ident, 0x28);
    const shentsize = r.u16(ident, 0x3a);
    const shnum = r.u16(ident, 0x3c);
    const versions: string[] = [];
    if (shoff > 0 && shnum > 0) {
      const sh = await r.bytes(shoff, shentsize * shnum, 'section headers');
      const section = (i: number) => ({ type: r.u32(sh, i * shentsize + 4), offset: r.u64(sh, i * shentsize + 24), size: r.u64(sh, i * shentsize + 32), link: r.u32(sh, i * shentsize + 40), info: r.u32(sh, i * shentsize + 44) });
      for (let i = 0; i < shnum; i++) {
        const s = section(i);
        if (s.type !== SHT_GNU_VERNEED) continue;
        if (s.link >= shnum) throw new Error(`${path}: .gnu.version_r links to a section that does not exist`);
        const strtab = section(s.link);
        const strings = await r.bytes(strtab.offset, strtab.size, '.dynstr');
        const verneed = await r.bytes(s.offset, s.size, '.gnu.version_r');
        // Elf64_Verneed { vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32 } and
        // Elf64_Vernaux { vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32 }.
        let need = 0;
        for (let n = 0; n < s.info && need + 16 <= verneed.length; n++) {
          const file = cString(strings, r.u32(verneed, need + 4));
          let aux = need + r.u32(verneed, need + 8);
          for (let k = 0; k < r.u16(verneed, need + 2) && aux + 16 <= verneed.length; k++) {
            versions.push(`${file}: ${cString(strings, r.u32(verneed, aux + 8))}`);
            const next = r.u32(verneed, aux + 12);
            if (next === 0) break;
            aux += next;
          }
          const next = r.u32(verneed, need + 12);
          if (next === 0) break;
          need += next;
        }
      }
    }

    let glibc: string | undefined;
    let glibcxx: string | undefined;
    for (const entry of versions) {
      const name = entry.slice(entry.indexOf(': ') + 2);
      const g = /^GLIBC_(\d+\.\d+(?:\.\d+)?)$/.exec(name)?.[1];
      if (g && (!glibc || compareVersions(g, glibc) > 0)) glibc = g;
      const gxx = /^GLIBCXX_(\d+(?:\.\d+)*)$/.exec(name)?.[1];
      if (gxx && (!glibcxx || compareVersions(gxx, glibcxx) > 0)) glibcxx = gxx;
    }
    const libc = interpreter?.includes('ld-musl') ? 'musl' : interpreter || glibc ? 'glibc' : 'static';
    const [major, minor] = (glibc ?? '').split('.').map(Number);
    return {
      kind: 'elf',
      machine,
      ...(interpreter ? { interpreter } : {}),
      libc,
      ...(glibc ? { glibc: [major!, minor!] as [number, number] } : {}),
      ...(glibcxx ? { glibcxx } : {}),
      versions,
    };
  } finally {
    await fh.close();
  }
}
