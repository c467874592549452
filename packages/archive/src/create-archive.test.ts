import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createArchive } from './create-archive.js';

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

  test('refuses names outside the root and duplicates', async () => {
    const [first] = inputs();
    const out = join(mkdtempSync(join(tmpdir(), 'df-arch-')), 'x.tar.gz');
    await expect(createArchive('tar.gz', [{ ...first!, name: 'bin/hello' }], out)).rejects.toThrow(/archive root/);
    await expect(createArchive('tar.gz', [first!, first!], out)).rejects.toThrow(/two files named/);
  });
});
