import { describe, expect, test } from 'vitest';
import { findVersion, indexFilePath, parseIndexFile } from './sparse-index.js';

describe('indexFilePath', () => {
  test.each([
    ['a', '1/a'],
    ['AB', '2/ab'],
    ['abc', '3/a/abc'],
    ['Serde', 'se/rd/serde'],
    ['hello-forge', 'he/ll/hello-forge'],
    ['cargo_x', 'ca/rg/cargo_x'],
  ])('%s → %s', (name, path) => {
    expect(indexFilePath(name)).toBe(path);
  });
});

describe('parseIndexFile / findVersion', () => {
  const text = [
    '{"name":"x","vers":"0.1.0","deps":[],"cksum":"AA","features":{},"yanked":false}',
    '{"name":"x","vers":"0.2.0+build.1","deps":[],"cksum":"bb","features":{},"yanked":true,"v":2}',
    '',
  ].join('\n');

  test('one entry per line; cksum lowercased; yanked kept', () => {
    expect(parseIndexFile(text)).toEqual([
      { name: 'x', vers: '0.1.0', cksum: 'aa', yanked: false },
      { name: 'x', vers: '0.2.0+build.1', cksum: 'bb', yanked: true },
    ]);
  });

  test('build metadata does not make another version', () => {
    expect(findVersion(parseIndexFile(text), '0.2.0')?.cksum).toBe('bb');
    expect(findVersion(parseIndexFile(text), '0.1.0+other')?.cksum).toBe('aa');
    expect(findVersion(parseIndexFile(text), '0.3.0')).toBeUndefined();
  });

  test('a line without cksum is an error, not a silent absent', () => {
    expect(() => parseIndexFile('{"name":"x","vers":"1.0.0"}')).toThrow(/without vers or cksum/);
  });
});
