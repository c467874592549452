import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigurationError } from '@deployforge/diagnostics';
import { loadConfig } from './load-config.js';

const dir = mkdtempSync(join(tmpdir(), 'deployforge-config-'));

describe('loadConfig', () => {
  test('reads and parses a file, naming it in the result', async () => {
    const file = join(dir, 'deployforge.yml');
    writeFileSync(file, 'project:\n  name: shimmy\nplatforms:\n  npm:\n');
    const loaded = await loadConfig(file);
    expect(loaded.file).toBe(file);
    expect(loaded.enabledPlatforms).toEqual(['npm']);
  });

  test('a missing file is a ConfigurationError that suggests deployforge init', async () => {
    const missing = join(dir, 'nope', 'deployforge.yml');
    const error = await loadConfig(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(missing);
    expect((error as Error).message).toContain('deployforge init');
  });

  test('a directory is a ConfigurationError, not a crash', async () => {
    const folder = join(dir, 'a-folder.yml');
    mkdirSync(folder);
    await expect(loadConfig(folder)).rejects.toBeInstanceOf(ConfigurationError);
  });

  test('errors name the file as it was given', async () => {
    const file = join(dir, 'bad.yml');
    writeFileSync(file, 'project:\n  name: 42\n');
    await expect(loadConfig(file)).rejects.toThrow(`${file}:2:9: project.name: expected a string, got 42`);
  });

  describe('encoding', () => {
    const write = (name: string, bytes: Buffer): string => {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      return file;
    };
    const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');
    const utf16be = (text: string): Buffer => Buffer.from(utf16le(text)).swap16();

    test.each([
      ['UTF-16 LE with a mark', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('project:\n')]), 'UTF-16 (little-endian)'],
      ['UTF-16 BE with a mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('project:\n')]), 'UTF-16 (big-endian)'],
      ['UTF-32 LE with a mark', Buffer.from([0xff, 0xfe, 0, 0, 0x70, 0, 0, 0]), 'UTF-32 (little-endian)'],
      ['UTF-32 BE with a mark', Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x70]), 'UTF-32 (big-endian)'],
      ['UTF-16 LE without a mark', utf16le('project:\n  name: shimmy\n'), 'UTF-16 (little-endian)'],
      ['UTF-16 BE without a mark', utf16be('project:\n  name: shimmy\n'), 'UTF-16 (big-endian)'],
    ])('%s is refused at 1:1, naming the encoding and the fix', async (_name, bytes, encoding) => {
      const file = write('wide.yml', bytes);
      const error = await loadConfig(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toBe(
        `${file}:1:1: the file ${encoding.startsWith('UTF-16') && !_name.includes('with a mark') ? 'looks like' : 'is'} ${encoding}` +
          `${_name.includes('with a mark') ? ', with a byte-order mark' : ' (a zero byte beside every letter)'}; save it as UTF-8`,
      );
    });

    test('the printf from the review: a UTF-16 mark before ASCII text', async () => {
      const file = write('printf.yml', Buffer.from('\xff\xfeproject:\n', 'latin1'));
      await expect(loadConfig(file)).rejects.toThrow(`${file}:1:1: the file is UTF-16 (little-endian), with a byte-order mark; save it as UTF-8`);
    });

    test('a byte that is not UTF-8 is refused where it is', async () => {
      const file = write('latin1.yml', Buffer.from('project:\n  name: caf\xe9\n', 'latin1'));
      await expect(loadConfig(file)).rejects.toThrow(
        `${file}:2:12: byte 0xe9 is not valid UTF-8 (the file may be Latin-1 or Windows-1252); save it as UTF-8`,
      );
    });

    test('a sequence cut short at the end of a line, after multi-byte characters, counts columns in characters', async () => {
      const file = write('cut.yml', Buffer.concat([Buffer.from('project:\n  # comment\n  name: x # né ✓ ', 'utf8'), Buffer.from([0xe2, 0x82]), Buffer.from('\n')]));
      await expect(loadConfig(file)).rejects.toThrow(`${file}:3:18: byte 0xe2 is not valid UTF-8`);
    });

    test('a UTF-8 byte-order mark is accepted and does not shift columns on line 1', async () => {
      const ok = write('bom.yml', Buffer.from('\ufeffproject:\n  name: shimmy\nplatforms:\n  npm:\n', 'utf8'));
      expect((await loadConfig(ok)).enabledPlatforms).toEqual(['npm']);
      const bad = write('bom-bad.yml', Buffer.from('\ufeffproject: 42\n', 'utf8'));
      await expect(loadConfig(bad)).rejects.toThrow(`${bad}:1:10: project: expected`);
    });

    test('UTF-8 text beyond ASCII is read as it is', async () => {
      const file = write('unicode.yml', Buffer.from('project:\n  name: shimmy\n  description: "naïve café ✓"\n', 'utf8'));
      expect((await loadConfig(file)).config.project.description).toBe('naïve café ✓');
    });
  });
});
