import { ConfigurationError } from '@deployforge/diagnostics';
import { describe, expect, test } from 'vitest';
import { allTargets, isTargetId, sortTargets, suggestTargetId, targetInfo, targetsFor } from './target-lookup.js';
import { TARGETS } from './target-table.js';

describe('isTargetId', () => {
  test.each(['linux-x64', 'windows-arm64', 'linux-arm64-musl'])('%s is a target', (id) => {
    expect(isTargetId(id)).toBe(true);
  });
  test.each(['', 'linux', 'x86_64-unknown-linux-gnu', 'Linux-x64', 'toString', 42, undefined, null])(
    '%s is not',
    (value) => expect(isTargetId(value)).toBe(false),
  );
});

describe('targetInfo', () => {
  test('returns the table row', () => {
    expect(targetInfo('macos-arm64')).toBe(TARGETS['macos-arm64']);
  });

  test('an unknown id is a ConfigurationError with a suggestion and the valid ids', () => {
    const error = (() => {
      try {
        targetInfo('linux-amd64', 'build.targets[1]');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('build.targets[1]: unknown target "linux-amd64"');
    expect((error as Error).message).toContain('did you mean "linux-x64"');
    expect((error as Error).message).toContain('expected one of linux-x64, linux-arm64,');
  });

  test('never echoes long or multi-line input', () => {
    expect(() => targetInfo(`linux\n${'x'.repeat(200)}`)).toThrow(/unknown target "linux x{31}\.\.\."/);
  });
});

describe('pickers', () => {
  test('allTargets is in canonical order', () => {
    expect(allTargets().map((t) => t.id)).toEqual([
      'linux-x64', 'linux-arm64', 'linux-x64-musl', 'linux-arm64-musl',
      'macos-x64', 'macos-arm64', 'windows-x64', 'windows-arm64',
    ]);
  });

  test('targetsFor filters by OS, optionally among the built targets', () => {
    expect(targetsFor('windows').map((t) => t.id)).toEqual(['windows-x64', 'windows-arm64']);
    expect(targetsFor('macos', ['windows-x64', 'macos-arm64']).map((t) => t.id)).toEqual(['macos-arm64']);
    expect(targetsFor('linux', ['macos-x64'])).toEqual([]);
  });

  test('sortTargets dedupes and orders canonically', () => {
    expect(sortTargets(['windows-x64', 'linux-x64', 'windows-x64']).map((t) => t.id)).toEqual([
      'linux-x64',
      'windows-x64',
    ]);
  });
});

describe('suggestTargetId', () => {
  test.each([
    ['x86_64-unknown-linux-gnu', 'linux-x64'],
    ['aarch64-unknown-linux-musl', 'linux-arm64-musl'],
    ['aarch64-apple-darwin', 'macos-arm64'],
    ['x86_64-pc-windows-msvc', 'windows-x64'],
    ['linux/amd64', 'linux-x64'],
    ['aarch64-darwin', 'macos-arm64'],
    ['darwin-arm64', 'macos-arm64'],
    ['darwin-aarch64', 'macos-arm64'],
    ['x86_64-linux-musl', 'linux-x64-musl'],
    ['linux-amd64-musl', 'linux-x64-musl'],
    ['win32-x64', 'windows-x64'],
    ['Windows-ARM64', 'windows-arm64'],
    ['linux-x64-gnu', 'linux-x64'],
    ['linux-x46', 'linux-x64'],
    ['linux', undefined],
    ['freebsd-x64', undefined],
    ['something else entirely', undefined],
  ] as const)('%s → %s', (raw, want) => {
    expect(suggestTargetId(raw)).toBe(want);
  });

  test('is used in the error', () => {
    expect(() => targetInfo('aarch64-apple-darwin')).toThrow('unknown target "aarch64-apple-darwin" (did you mean "macos-arm64"?)');
    expect(() => targetInfo('freebsd-x64')).toThrow(/unknown target "freebsd-x64"; expected one of/);
  });
});
