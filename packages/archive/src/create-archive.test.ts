import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createArchive, createArchiveHashed } from './create-archive.js';

function inputs() {
  const dir = mkdtempSync(join(tmpdir(), 'df-arch-src-'));
  writeFileSync(join(dir, 'tool'), '#!/bin/sh\necho hi\n', { mode: 0o644 });
  writeFileSync(join(dir, 'README.md'), '# readme\n');
  return [
    { source: join(dir, 'tool'), name: 'hello', mode: 0o755 },
    { source: join(dir, 'README.md'), name: 'README.md', mode: 0o644 },
  ];
}

describe('createArchive', () => {
  test('tar.gz: entries at the root with their modes, readable by the real tar', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'df-arch-')), 'x.tar.gz');
    await createArchive('tar.gz', inputs(), out);
    const listing = execFileSync('tar', ['-tvzf', out], { encoding: 'utf8' });
    expect(listing).toMatch(/^-rwxr-xr-x .* hello$/m);
    expect(listing).toMatch(/^-rw-r--r-- .* README\.md$/m);
    const extract = mkdtempSync(join(tmpdir(), 'df-arch-x-'));
    execFileSync('tar', ['-xzf', out, '-C', extract]);
    expect(execFileSync(join(extract, 'hello'), { encoding: 'utf8' })).toBe('hi\n');
  });

  test('zip: readable by python zipfile, executable bit kept', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'df-arch-')), 'x.zip');
    await createArchive('zip', inputs(), out);
    const script = 'import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nfor i in z.infolist(): print(i.filename, oct(i.external_attr >> 16 & 0o777))';
    expect(execFileSync('python3', ['-c', script, out], { encoding: 'utf8' }).trim().split('\n').sort()).toEqual(['README.md 0o644', 'hello 0o755']);
  });

  test('the same inputs give the same bytes (re-runs stay identical)', async () => {
    const files = inputs();
    for (const format of ['tar.gz', 'zip'] as const) {
      const a = join(mkdtempSync(join(tmpdir(), 'df-arch-')), `a.${format}`);
      const b = join(mkdtempSync(join(tmpdir(), 'df-arch-')), `b.${format}`);
      await createArchive(format, files, a);
      await new Promise((r) => setTimeout(r, 1100));
      await createArchive(format, files, b);
      expect(readFileSync(a).equals(readFileSync(b)), format).toBe(true);
    }
  });

  test.each(['tar.gz', 'zip'] as const)('%s: two machines\' worth of mtimes, modes and time zones give the same bytes', async (format) => {
    // The same binary and README as two builds would leave them: other timestamps, other
    // permissions (another umask, a Windows checkout), packaged in another time zone.
    const machine = (mtime: Date, binMode: number, docMode: number) => {
      const files = inputs();
      utimesSync(files[0]!.source, mtime, mtime);
      utimesSync(files[1]!.source, mtime, mtime);
      chmodSync(files[0]!.source, binMode);
      chmodSync(files[1]!.source, docMode);
      return files;
    };
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const a = await createArchive(format, machine(new Date('2026-01-02T03:04:05Z'), 0o700, 0o600), join(mkdtempSync(join(tmpdir(), 'df-arch-')), `a.${format}`));
      process.env.TZ = 'Pacific/Kiritimati';
      const b = await createArchive(format, machine(new Date('2031-07-08T09:10:11Z'), 0o775, 0o664), join(mkdtempSync(join(tmpdir(), 'df-arch-')), `b.${format}`));
      expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  test('tar.gz: the gzip header carries no time, no name and no OS, whatever zlib the platform has', async () => {
    const out = await createArchive('tar.gz', inputs(), join(mkdtempSync(join(tmpdir(), 'df-arch-')), 'x.tar.gz'));
    // ID1 ID2 CM FLG MTIME(4) XFL OS: deflate, no flags, no mtime, best compression, OS 255 (unknown).
    expect([...readFileSync(out).subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
  });

  test('zip: entries dated 2000-01-01 00:00 in DOS time, no extra timestamp field', async () => {
    const out = await createArchive('zip', inputs(), join(mkdtempSync(join(tmpdir(), 'df-arch-')), 'x.zip'));
    const script = 'import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nfor i in z.infolist(): print(i.filename, i.date_time, len(i.extra))';
    expect(execFileSync('python3', ['-c', script, out], { encoding: 'utf8' }).trim().split('\n')).toEqual([
      'hello (2000, 1, 1, 0, 0, 0) 0',
      'README.md (2000, 1, 1, 0, 0, 0) 0',
    ]);
  });

  test('refuses names outside the root and duplicates', async () => {
    const [first] = inputs();
    const out = join(mkdtempSync(join(tmpdir(), 'df-arch-')), 'x.tar.gz');
    await expect(createArchive('tar.gz', [{ ...first!, name: 'bin/hello' }], out)).rejects.toThrow(/archive root/);
    await expect(createArchive('tar.gz', [first!, first!], out)).rejects.toThrow(/two files named/);
  });

  test.each(['tar.gz', 'zip'] as const)('%s: createArchiveHashed gives the SHA-256 of the bytes it wrote, the same bytes as createArchive', async (format) => {
    // Several MiB of random bytes: many chunks through the hash, no compression to hide a lost one.
    const files = inputs();
    writeFileSync(files[0]!.source, randomBytes(3 << 20));
    const dir = mkdtempSync(join(tmpdir(), 'df-arch-'));
    const hashed = await createArchiveHashed(format, files, join(dir, `h.${format}`));
    const plain = await createArchive(format, files, join(dir, `p.${format}`));
    expect(hashed.path).toBe(join(dir, `h.${format}`));
    expect(hashed.sha256).toBe(createHash('sha256').update(readFileSync(hashed.path)).digest('hex'));
    expect(readFileSync(plain).equals(readFileSync(hashed.path))).toBe(true);
    expect(existsSync(`${hashed.path}.partial`)).toBe(false);
  });

  test.each(['tar.gz', 'zip'] as const)('%s: an entry that cannot be read leaves neither the archive nor its .partial', async (format) => {
    const [first] = inputs();
    const folder = mkdtempSync(join(tmpdir(), 'df-arch-dir-'));
    mkdirSync(join(folder, 'sub'));
    const out = join(mkdtempSync(join(tmpdir(), 'df-arch-')), `x.${format}`);
    await expect(createArchiveHashed(format, [first!, { source: join(folder, 'sub'), name: 'sub', mode: 0o644 }], out)).rejects.toThrow();
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });
});
