import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import yauzl from 'yauzl';
import { createArchive } from '@deployforge/archive';
import { buildWheel, recordHash } from './build-wheel.js';
import { extractBinary } from './extract-binary.js';

const dir = mkdtempSync(join(tmpdir(), 'df-wheel-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function entries(path: string): Promise<{ name: string; mode: number; text: string }[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(path, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))));
  const out: { name: string; mode: number; text: string }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          out.push({ name: entry.fileName, mode: (entry.externalFileAttributes >>> 16) & 0o777, text: Buffer.concat(chunks).toString('utf8') });
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}

describe('buildWheel', () => {
  const binary = join(dir, 'tool');
  writeFileSync(binary, '#!/bin/sh\necho tool\n', { mode: 0o755 });
  const contents = {
    texts: [
      { path: 'tool-1.0.dist-info/METADATA', contents: 'Metadata-Version: 2.1\nName: tool\nVersion: 1.0\n' },
      { path: 'tool-1.0.dist-info/WHEEL', contents: 'Wheel-Version: 1.0\n' },
    ],
    binary: { source: binary, path: 'tool-1.0.data/scripts/tool' },
    recordPath: 'tool-1.0.dist-info/RECORD',
  };

  test('binary first, RECORD last with urlsafe unpadded sha256 and sizes; executable script', async () => {
    const wheel = await buildWheel(contents, join(dir, 'a', 'tool-1.0-py3-none-any.whl'));
    const files = await entries(wheel.path);
    expect(files.map((f) => f.name)).toEqual(['tool-1.0.data/scripts/tool', 'tool-1.0.dist-info/METADATA', 'tool-1.0.dist-info/WHEEL', 'tool-1.0.dist-info/RECORD']);
    expect(files[0]!.mode).toBe(0o755);
    const record = files[3]!.text.split('\n');
    expect(record[0]).toMatch(/^tool-1\.0\.data\/scripts\/tool,sha256=[A-Za-z0-9_-]{43},20$/);
    expect(record[3]).toBe('tool-1.0.dist-info/RECORD,,');
    expect(files[3]!.text.endsWith('\n')).toBe(true);
    expect(files[3]!.text).not.toContain('=,');
  });

  test('deterministic: the same inputs give the same sha256', async () => {
    const a = await buildWheel(contents, join(dir, 'a', 'x.whl'));
    const b = await buildWheel(contents, join(dir, 'b', 'x.whl'));
    expect(a.sha256).toBe(b.sha256);
    expect(a.size).toBe(b.size);
  });

  test('recordHash is urlsafe base64 without padding', () => {
    expect(recordHash(Buffer.from([0xfb, 0xff, 0xfe]))).toBe('sha256=-__-');
  });
});

describe('extractBinary', () => {
  test.each([
    ['tar.gz', 'tool'],
    ['zip', 'tool.exe'],
  ] as const)('takes the binary out of a %s archive', async (format, name) => {
    const src = join(dir, `src-${name}`);
    writeFileSync(src, `binary ${name}\n`);
    const readme = join(dir, 'README.md');
    writeFileSync(readme, 'readme\n');
    const archive = await createArchive(format, [{ source: src, name, mode: 0o755 }, { source: readme, name: 'README.md', mode: 0o644 }], join(dir, `t.${format}`));
    const out = await extractBinary(archive, name, join(dir, `out-${format}`));
    expect(out.endsWith(name)).toBe(true);
    const { readFileSync, statSync } = await import('node:fs');
    expect(readFileSync(out, 'utf8')).toBe(`binary ${name}\n`);
    expect(statSync(out).mode & 0o777).toBe(0o755);
    await expect(extractBinary(archive, 'missing', join(dir, 'none'))).rejects.toThrow(/missing is not at the root of/);
  });
});
