import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { list } from 'tar';
import { afterAll, describe, expect, test } from 'vitest';
import { createArchive } from '@deployforge/archive';
import { extractBinary } from './binary-extract.js';
import { packTarball } from './tarball.js';

const root = mkdtempSync(join(tmpdir(), 'df-npm-tarball-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('packTarball', () => {
  const binary = join(root, 'tool');
  writeFileSync(binary, randomBytes(200_000));
  const entries = [
    { path: 'package.json', contents: '{"name":"tool","version":"1.0.0"}\n', mode: 0o644 },
    { path: 'bin/tool', source: binary, mode: 0o755 },
    { path: 'README.md', contents: new TextEncoder().encode('# tool\n'), mode: 0o644 },
  ];

  test('the same inputs give the same bytes (what makes a re-run "identical")', async () => {
    const a = await packTarball(entries, join(root, 'a', 'tool-1.0.0.tgz'));
    const b = await packTarball([...entries].reverse(), join(root, 'b', 'tool-1.0.0.tgz'));
    expect(b.integrity).toBe(a.integrity);
    expect(b.shasum).toBe(a.shasum);
    expect(readFileSync(b.path).equals(readFileSync(a.path))).toBe(true);
  });

  test('digests are those npm records: sha512 integrity and sha1 shasum of the .tgz', async () => {
    const t = await packTarball(entries, join(root, 'c', 'tool.tgz'));
    const bytes = readFileSync(t.path);
    expect(t.integrity).toBe(`sha512-${createHash('sha512').update(bytes).digest('base64')}`);
    expect(t.shasum).toBe(createHash('sha1').update(bytes).digest('hex'));
    expect(t.size).toBe(bytes.length);
    expect(t.contentSha512).toMatch(/^[0-9a-f]{128}$/);
  });

  test('lays files out under package/ with fixed modes, no owners and a fixed date', async () => {
    const t = await packTarball(entries, join(root, 'd', 'tool.tgz'));
    const seen: { path: string; mode: number; uid: number; mtime: string }[] = [];
    await list({ file: t.path, onReadEntry: (e) => seen.push({ path: e.path, mode: e.mode ?? 0, uid: e.uid ?? -1, mtime: e.mtime?.toISOString() ?? '' }) });
    expect(seen.map((s) => [s.path, (s.mode & 0o777).toString(8)])).toEqual([
      ['package/README.md', '644'],
      ['package/bin/tool', '755'],
      ['package/package.json', '644'],
    ]);
    // portable: no uid/gid/uname from the machine that packed it (-1 = not recorded).
    expect(seen.every((s) => s.uid === -1 || s.uid === 0)).toBe(true);
    expect(new Set(seen.map((s) => s.mtime))).toEqual(new Set(['1985-10-26T08:15:00.000Z']));
  });
});

describe('extractBinary', () => {
  const exe = join(root, 'built');
  writeFileSync(exe, '#!/bin/sh\necho hi\n', { mode: 0o755 });
  const readme = join(root, 'README.md');
  writeFileSync(readme, 'docs');

  test.each(['tar.gz', 'zip'] as const)('takes the binary from the root of a .%s release archive', async (format) => {
    const name = format === 'zip' ? 'tool.exe' : 'tool';
    const archive = await createArchive(format, [
      { source: readme, name: 'README.md', mode: 0o644 },
      { source: exe, name, mode: 0o755 },
    ], join(root, `rel-${format}`, `tool-1.0.0-x.${format}`));
    const out = join(root, `out-${format}`, name);
    await extractBinary(archive, name, out);
    expect(readFileSync(out, 'utf8')).toBe('#!/bin/sh\necho hi\n');
  });

  test('a missing binary names the file and the archive', async () => {
    const archive = await createArchive('tar.gz', [{ source: readme, name: 'README.md', mode: 0o644 }], join(root, 'nobin', 'tool-1.0.0-linux-x64.tar.gz'));
    await expect(extractBinary(archive, 'tool', join(root, 'nobin-out', 'tool'))).rejects.toThrow('tool is not at the root of tool-1.0.0-linux-x64.tar.gz');
  });
});
