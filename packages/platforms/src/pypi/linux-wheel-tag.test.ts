import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readElfLibcNeeds, type ElfLibcNeeds } from './elf-libc-needs.js';
import { declaredWheelTag, linuxWheelTag, manylinuxSetting } from './linux-wheel-tag.js';

const glibc = (minor: number, machine = 'x86_64'): ElfLibcNeeds => ({ kind: 'elf', machine, interpreter: '/lib64/ld-linux-x86-64.so.2', libc: 'glibc', glibc: [2, minor], versions: [] });

describe('linuxWheelTag', () => {
  it.each([
    ['a binary needing glibc 2.34', glibc(34), undefined, 'manylinux_2_34_x86_64'],
    ['an old binary: never below manylinux_2_17', glibc(5), undefined, 'manylinux_2_17_x86_64'],
    ['a static binary', { kind: 'elf', machine: 'x86_64', libc: 'static', versions: [] } as ElfLibcNeeds, undefined, 'manylinux_2_17_x86_64'],
    ['an explicit setting the binary keeps', glibc(28), 31, 'manylinux_2_31_x86_64'],
    ['a stand-in script', { kind: 'not-elf' } as ElfLibcNeeds, undefined, 'manylinux_2_17_x86_64'],
  ])('%s', (_what, needs, setting, tag) => {
    expect(linuxWheelTag('linux-x64', needs, setting)).toBe(tag);
  });

  it('a musl binary is a musllinux wheel, even in a glibc target', () => {
    const musl: ElfLibcNeeds = { kind: 'elf', machine: 'aarch64', interpreter: '/lib/ld-musl-aarch64.so.1', libc: 'musl', versions: [] };
    expect(linuxWheelTag('linux-arm64-musl', musl, undefined)).toBe('musllinux_1_2_aarch64');
    expect(linuxWheelTag('linux-arm64', musl, undefined)).toBe('musllinux_1_2_aarch64');
  });

  it('refuses what would be a false promise', () => {
    expect(() => linuxWheelTag('linux-x64', glibc(34), 28)).toThrow('platforms.pypi.manylinux: the linux-x64 binary needs GLIBC_2.34, newer than manylinux_2_28 promises');
    expect(() => linuxWheelTag('linux-x64-musl', glibc(17), undefined)).toThrow(/needs GLIBC_2\.17 .*cannot be a musllinux wheel/);
    expect(() => linuxWheelTag('linux-arm64', glibc(17, 'x86_64'), undefined)).toThrow('the linux-arm64 archive holds a binary for x86_64, not aarch64');
  });

  it('reads the setting in both spellings and rejects others', () => {
    expect(manylinuxSetting('manylinux_2_28')).toBe(28);
    expect(manylinuxSetting('2.31')).toBe(31);
    expect(() => manylinuxSetting('manylinux2014')).toThrow('platforms.pypi.manylinux');
    expect(declaredWheelTag('linux-arm64', 28)).toBe('manylinux_2_28_aarch64');
    expect(declaredWheelTag('linux-arm64-musl', 28)).toBe('musllinux_1_2_aarch64');
  });
});

describe('readElfLibcNeeds on a musl binary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'df-elf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the musl loader in PT_INTERP (musl has no symbol versions to read)', async () => {
    // The smallest ELF64 that says it: a header, one PT_INTERP program header, the loader's path.
    const interp = Buffer.from('/lib/ld-musl-x86_64.so.1\0');
    const elf = Buffer.alloc(64 + 56 + interp.length);
    elf.writeUInt32BE(0x7f454c46, 0);
    elf[4] = 2; // ELFCLASS64
    elf[5] = 1; // little endian
    elf[6] = 1;
    elf.writeUInt16LE(3, 0x10); // ET_DYN
    elf.writeUInt16LE(62, 0x12); // EM_X86_64
    elf.writeBigUInt64LE(64n, 0x20); // e_phoff
    elf.writeUInt16LE(56, 0x36); // e_phentsize
    elf.writeUInt16LE(1, 0x38); // e_phnum
    elf.writeUInt32LE(3, 64); // PT_INTERP
    elf.writeBigUInt64LE(120n, 64 + 8); // p_offset
    elf.writeBigUInt64LE(BigInt(interp.length), 64 + 32); // p_filesz
    interp.copy(elf, 120);
    const file = join(dir, 'musl-bin');
    writeFileSync(file, elf);
    const needs = await readElfLibcNeeds(file);
    expect(needs).toEqual({ kind: 'elf', machine: 'x86_64', interpreter: '/lib/ld-musl-x86_64.so.1', libc: 'musl', versions: [] });
    expect(linuxWheelTag('linux-x64', needs, undefined)).toBe('musllinux_1_2_x86_64');
  });
});
