import { ConfigurationError } from '@deployforge/diagnostics';
import { describe, expect, test } from 'vitest';
import { archiveName, binaryName } from './archive-name.js';

describe('archiveName', () => {
  test.each([
    ['linux-x64', 'shimmy-1.2.3-linux-x64.tar.gz'],
    ['linux-arm64-musl', 'shimmy-1.2.3-linux-arm64-musl.tar.gz'],
    ['macos-arm64', 'shimmy-1.2.3-macos-arm64.tar.gz'],
    ['windows-x64', 'shimmy-1.2.3-windows-x64.zip'],
    ['windows-arm64', 'shimmy-1.2.3-windows-arm64.zip'],
  ] as const)('%s → %s', (target, name) => {
    expect(archiveName('shimmy', '1.2.3', target)).toBe(name);
  });

  test('prereleases and build metadata stay in the name', () => {
    expect(archiveName('shimmy', '2.0.0-rc.1+build.5', 'linux-x64')).toBe('shimmy-2.0.0-rc.1+build.5-linux-x64.tar.gz');
  });

  test.each([
    ['../evil', '1.2.3', 'project.name: project name "../evil"'],
    ['a b', '1.2.3', 'project.name: project name "a b"'],
    ['shimmy', '1.2.3/../x', 'version: version "1.2.3/../x"'],
    ['shimmy', '', 'version: version ""'],
  ])('refuses %j / %j', (project, version, message) => {
    expect(() => archiveName(project, version, 'linux-x64')).toThrow(ConfigurationError);
    expect(() => archiveName(project, version, 'linux-x64')).toThrow(message);
  });

  test('unknown target', () => {
    expect(() => archiveName('shimmy', '1.2.3', 'linux-x86')).toThrow(/unknown target "linux-x86"/);
  });
});

describe('binaryName', () => {
  test('adds .exe on Windows only', () => {
    expect(binaryName('shimmy', 'windows-arm64')).toBe('shimmy.exe');
    expect(binaryName('shimmy', 'macos-x64')).toBe('shimmy');
  });
});
