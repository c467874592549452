import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sha256File } from './sha256-file.js';
import { parseSha256Sums, renderSha256Sums } from './sha256sums.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('renderSha256Sums', () => {
  it('writes sha256sum text format sorted by name', () => {
    expect(renderSha256Sums([{ name: 'z.tar.gz', sha256: A }, { name: 'a.zip', sha256: B }])).toBe(`${B}  a.zip\n${A}  z.tar.gz\n`);
  });
  it.each([
    [{ name: 'x', sha256: 'ABC' }, /not a lowercase hex/],
    [{ name: 'a\nb', sha256: A }, /unsupported file name/],
    [{ name: '', sha256: A }, /unsupported file name/],
  ])('rejects %j', (entry, message) => {
    expect(() => renderSha256Sums([entry])).toThrow(message);
  });
  it('rejects duplicates', () => {
    expect(() => renderSha256Sums([{ name: 'x', sha256: A }, { name: 'x', sha256: B }])).toThrow(/listed twice/);
  });
});

describe('parseSha256Sums', () => {
  it('round-trips', () => {
    const entries = [{ name: 'a.zip', sha256: B }, { name: 'z.tar.gz', sha256: A }];
    expect(parseSha256Sums(renderSha256Sums(entries))).toEqual(entries);
  });
  it('accepts binary markers, CRLF, blank lines, uppercase hex', () => {
    expect(parseSha256Sums(`${A.toUpperCase()} *bin.exe\r\n\r\n${B}  name with spaces.txt\n`)).toEqual([
      { name: 'bin.exe', sha256: A },
      { name: 'name with spaces.txt', sha256: B },
    ]);
  });
  it('names the bad line', () => {
    expect(() => parseSha256Sums(`${A}  ok\nnonsense\n`)).toThrow(/line 2/);
  });
});

describe('sha256File', () => {
  it('matches sha256sum, whatever the chunk size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'df-hash-'));
    const path = join(dir, 'f.bin');
    await writeFile(path, Buffer.alloc(3 * 1024 * 1024 + 17, 7));
    const reference = execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0];
    expect(await sha256File(path)).toBe(reference);
    expect(await sha256File(path, { chunkBytes: 64 * 1024 })).toBe(reference);
    // And the rendered file is accepted by sha256sum -c.
    await writeFile(join(dir, 'SHA256SUMS'), renderSha256Sums([{ name: 'f.bin', sha256: reference! }]));
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' })).toBe('f.bin: OK\n');
  });
});
