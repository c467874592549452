import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireClient } from '../../../../test/helpers/real-clients.js';
import { glibcFloor, libcDepends } from './libc-dependency.js';

describe('the glibc a binary needs, read from the binary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'df-libc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const compile = (name: string, extra: string[] = []) => {
    requireClient('gcc', 'gcc');
    writeFileSync(join(dir, 'h.c'), '#include <stdio.h>\nint main(void){puts("hi");return 0;}\n');
    execFileSync('gcc', ['-O2', ...extra, '-o', join(dir, name), join(dir, 'h.c')]);
    return readFileSync(join(dir, name));
  };

  it('a dynamic binary: the highest GLIBC_ version objdump -T lists', () => {
    const bin = compile('dynamic');
    const objdump = execFileSync('objdump', ['-T', join(dir, 'dynamic')]).toString();
    const versions = [...objdump.matchAll(/GLIBC_(\d+)\.(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const max = versions.reduce((a, b) => (b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]) ? b : a));
    expect(glibcFloor(bin)).toBe(`${max[0]}.${max[1]}`);
    const payload = { files: [{ path: '/usr/bin/x', data: bin, mode: 0o755 }], mtime: 1 };
    expect(libcDepends('deb', payload, '/usr/bin/x')).toEqual([`libc6 (>= ${max[0]}.${max[1]})`]);
    expect(libcDepends('rpm', payload, '/usr/bin/x')).toEqual(['libc.so.6()(64bit)', `libc.so.6(GLIBC_${max[0]}.${max[1]})(64bit)`]);
  });

  it('a static binary and a script need none', () => {
    expect(glibcFloor(compile('static', ['-static']))).toBeUndefined();
    expect(glibcFloor(Buffer.from('#!/bin/sh\necho GLIBC_2.99 libc.so.6\n'))).toBeUndefined();
  });
});
