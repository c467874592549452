import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigurationError } from '@deployforge/diagnostics';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { resolveVersion, type ResolveVersionOptions } from './resolve-version.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deployforge-version-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Write files (and their folders) relative to the temp dir. */
async function files(tree: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(tree)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

const opts = (o: Partial<ResolveVersionOptions>): ResolveVersionOptions => ({ from: 'tag', tagPrefix: 'v', cwd: dir, ...o });

async function errorOf(o: Partial<ResolveVersionOptions>): Promise<string> {
  const error = await resolveVersion(opts(o)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigurationError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('explicit input wins over tag and input', () => {
  // A version file is never overruled: version-agreement.test.ts checks that both must agree.
  test.each(['tag', 'input'] as const)('over from: %s', async (from) => {
    // Nothing on disk and a branch ref: the other sources would all fail if they were consulted.
    expect(await resolveVersion(opts({ from, input: 'v3.0.0', ref: 'refs/heads/main' }))).toMatchObject({
      version: '3.0.0',
      tag: 'v3.0.0',
      source: 'input',
    });
  });

  test('with or without the prefix', async () => {
    expect((await resolveVersion(opts({ input: '3.0.0' }))).tag).toBe('v3.0.0');
  });

  test('an empty input (the dispatch default) counts as not given', async () => {
    expect(await resolveVersion(opts({ input: '', ref: 'refs/tags/v1.0.0' }))).toMatchObject({ version: '1.0.0', source: 'tag' });
  });

  test('is named by its input name in errors', async () => {
    expect(await errorOf({ input: '1.2' })).toContain('version: "1.2" is not a valid version');
    expect(await errorOf({ input: '1.2', inputName: '--version' })).toContain('--version: "1.2" is not a valid version');
  });

  test('from: input without one', async () => {
    const message = await errorOf({ from: 'input', configFile: '.github/deployforge.yml' });
    expect(message).toContain('version: no version given, and version.from is "input" in .github/deployforge.yml');
    expect(message).toContain('pass the dispatch input "version" or --version, e.g. v1.2.3');
  });
});

describe('from: tag', () => {
  test.each([
    ['refs/tags/v1.2.3', 'v', '1.2.3', 'v1.2.3'],
    ['v1.2.3', 'v', '1.2.3', 'v1.2.3'],
    ['refs/tags/v2.0.0-beta.1', 'v', '2.0.0-beta.1', 'v2.0.0-beta.1'],
    ['refs/tags/1.2.3', '', '1.2.3', '1.2.3'],
    ['refs/tags/shimmy-v0.4.0', 'shimmy-v', '0.4.0', 'shimmy-v0.4.0'],
    ['refs/tags/release/1.0.0', 'release/', '1.0.0', 'release/1.0.0'],
  ])('%s (prefix %j)', async (ref, tagPrefix, version, tag) => {
    expect(await resolveVersion(opts({ ref, tagPrefix }))).toMatchObject({ version, tag, source: 'tag' });
  });

  test.each([
    [
      'refs/heads/main',
      'v',
      ['GITHUB_REF: "refs/heads/main" is not a tag', 'version.from is "tag" in deployforge.yml', 'refs/tags/v1.2.3'],
    ],
    ['refs/pull/7/merge', 'v', ['"refs/pull/7/merge" is not a tag', 'refs/tags/v1.2.3']],
    [
      'refs/tags/1.2.3',
      'v',
      ['GITHUB_REF: tag "1.2.3" does not start with the tag prefix "v"', 'version.tag-prefix in deployforge.yml', 'expected a tag ref like refs/tags/v1.2.3'],
    ],
    ['refs/tags/shimmy-1.2.3', 'shimmy-v', ['tag "shimmy-1.2.3" does not start with the tag prefix "shimmy-v"', 'refs/tags/shimmy-v1.2.3']],
    ['refs/tags/v1.2', 'v', ['tag "v1.2": "v1.2" is not a valid version', 'all three numbers are required']],
    ['refs/tags/vnext', 'v', ['tag "vnext": "vnext" is not a valid version']],
    ['refs/tags/v1.2.3;id', 'v', ['"v1.2.3;id" is not a valid version']],
    ['refs/tags/v1.2.3', '', ['a leading "v" is accepted only as the tag prefix, and version.tag-prefix is ""']],
  ])('%s (prefix %j) is refused', async (ref, tagPrefix, substrings) => {
    const message = await errorOf({ ref, tagPrefix });
    for (const s of substrings) expect(message).toContain(s);
  });

  test.each([[undefined], ['']])('no ref (%j)', async (ref) => {
    const message = await errorOf({ ref });
    expect(message).toContain('no tag to take the version from: version.from is "tag" in deployforge.yml');
    expect(message).toContain('Push a tag like refs/tags/v1.2.3');
    expect(message).toContain('dispatch input "version", or --version');
  });
});

describe('from: file:<path>', () => {
  test.each([
    ['1.4.0\n', '1.4.0'],
    ['  1.4.0  \r\nnotes below are ignored\n', '1.4.0'],
    ['\uFEFF1.4.0', '1.4.0'],
    ['v1.4.0\n', '1.4.0'],
    ['2.0.0-rc.2', '2.0.0-rc.2'],
  ])('%j → %s', async (text, version) => {
    await files({ 'VERSION': text });
    expect(await resolveVersion(opts({ from: 'file:VERSION' }))).toMatchObject({ version, source: 'file' });
  });

  test('paths are relative to cwd', async () => {
    await files({ 'meta/version.txt': '0.9.0' });
    expect((await resolveVersion(opts({ from: 'file:meta/version.txt' }))).version).toBe('0.9.0');
  });

  test.each([
    [{ VERSION: '1.4\n' }, 'file:VERSION', ['VERSION:1: "1.4" is not a valid version']],
    [{ VERSION: '\n1.4.0\n' }, 'file:VERSION', ['VERSION:1: the first line is empty; expected a version like 1.2.3']],
    [{ VERSION: '' }, 'file:VERSION', ['VERSION:1: the first line is empty']],
    [{}, 'file:VERSION', ['VERSION: file not found (version.from is "file:VERSION" in deployforge.yml)']],
    [{ 'meta/x': '' }, 'file:meta', ['meta: is a directory, expected a file']],
    [{}, 'file:', ['version.from: "file:" needs a path, e.g. file:VERSION']],
    [{ VERSION: '1.2.3 $(reboot)' }, 'file:VERSION', ['VERSION:1: "1.2.3 $(reboot)" is not a valid version']],
  ] as const)('%j with %s is refused', async (tree, from, substrings) => {
    await files(tree);
    const message = await errorOf({ from });
    for (const s of substrings) expect(message).toContain(s);
  });
});

describe('from: package-json', () => {
  test('reads version', async () => {
    await files({ 'package.json': JSON.stringify({ name: 'shimmy', version: '1.5.0-beta.2' }) });
    expect(await resolveVersion(opts({ from: 'package-json' }))).toMatchObject({
      version: '1.5.0-beta.2',
      tag: 'v1.5.0-beta.2',
      npmDistTag: 'next',
      pypiVersion: '1.5.0b2',
      source: 'package-json',
    });
  });

  test.each([
    [{ 'package.json': '{"name": "x"}' }, ['package.json: version: missing; expected "version": "1.2.3"']],
    [{ 'package.json': '{"version": 1}' }, ['package.json: version: expected a version string, got 1']],
    [{ 'package.json': '{"version": "v1.2.3"}' }, ['package.json: version: "v1.2.3" is not a valid version', 'a leading "v" is not part of a version']],
    [{ 'package.json': '{"version": "1.2.3",}' }, ['package.json: invalid JSON:']],
    [{ 'package.json': '[]' }, ['package.json: expected an object, got a list of 0']],
    [{}, ['package.json: file not found (version.from is "package-json" in deployforge.yml)']],
  ])('%j is refused', async (tree, substrings) => {
    await files(tree);
    const message = await errorOf({ from: 'package-json' });
    for (const s of substrings) expect(message).toContain(s);
  });
});

describe('from: cargo', () => {
  const crate = (version: string, extra = '') => `[package]\nname = "shimmy"\nversion = ${version}\nedition = "2021"\n${extra}`;

  test('[package].version', async () => {
    await files({ 'Cargo.toml': crate('"0.7.1"') });
    expect(await resolveVersion(opts({ from: 'cargo' }))).toMatchObject({ version: '0.7.1', tag: 'v0.7.1', source: 'cargo' });
  });

  test('version.workspace = true, root found by walking up', async () => {
    await files({
      'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n\n[workspace.package]\nversion = "2.1.0"\n',
      'crates/cli/Cargo.toml': crate('{ workspace = true }'),
    });
    const r = await resolveVersion(opts({ from: 'cargo', cwd: join(dir, 'crates/cli') }));
    expect(r).toMatchObject({ version: '2.1.0', source: 'cargo' });
  });

  test('version.workspace = true, dotted-key spelling, root package is the workspace root', async () => {
    await files({
      'Cargo.toml': '[package]\nname = "shimmy"\nversion.workspace = true\n\n[workspace]\n\n[workspace.package]\nversion = "3.0.0-rc.1"\n',
    });
    expect(await resolveVersion(opts({ from: 'cargo' }))).toMatchObject({ version: '3.0.0-rc.1', pypiVersion: '3.0.0rc1' });
  });

  test('version.workspace = true with an explicit package.workspace path', async () => {
    await files({
      'elsewhere/Cargo.toml': '[workspace]\n[workspace.package]\nversion = "4.0.0"\n',
      'Cargo.toml': '[workspace]\n[workspace.package]\nversion = "9.9.9"\n',
      'crates/cli/Cargo.toml': crate('{ workspace = true }', 'workspace = "../../elsewhere"\n'),
    });
    expect((await resolveVersion(opts({ from: 'cargo', cwd: join(dir, 'crates/cli') }))).version).toBe('4.0.0');
  });

  test('a walk up skips Cargo.toml files without [workspace]', async () => {
    await files({
      'Cargo.toml': '[workspace]\n[workspace.package]\nversion = "5.0.0"\n',
      'crates/Cargo.toml': crate('"0.0.1"'),
      'crates/cli/Cargo.toml': crate('{ workspace = true }'),
    });
    expect((await resolveVersion(opts({ from: 'cargo', cwd: join(dir, 'crates/cli') }))).version).toBe('5.0.0');
  });

  test('a virtual manifest gives [workspace.package].version', async () => {
    await files({ 'Cargo.toml': '[workspace]\nmembers = ["a"]\n[workspace.package]\nversion = "1.1.1"\n' });
    expect((await resolveVersion(opts({ from: 'cargo' }))).version).toBe('1.1.1');
  });

  test.each([
    [{ 'Cargo.toml': crate('"1.2"') }, '', ['Cargo.toml: package.version: "1.2" is not a valid version']],
    [{ 'Cargo.toml': crate('"v1.2.3"') }, '', ['Cargo.toml: package.version: "v1.2.3" is not a valid version', 'a leading "v" is not part of a version']],
    [{ 'Cargo.toml': '[package]\nname = "x"\n' }, '', ['Cargo.toml: package.version: missing; expected version = "1.2.3" under [package]']],
    [{ 'Cargo.toml': crate('3') }, '', ['Cargo.toml: package.version: expected a version string, got 3']],
    [{ 'Cargo.toml': crate('{ workspace = false }') }, '', ['Cargo.toml: package.version: expected a string like "1.2.3" or { workspace = true }, got a mapping']],
    [{ 'Cargo.toml': '[dependencies]\nserde = "1"\n' }, '', ['Cargo.toml: no [package] table and no [workspace.package].version']],
    [{ 'Cargo.toml': '[workspace]\nmembers = []\n' }, '', ['Cargo.toml: no [package] table']],
    [{ 'Cargo.toml': '[package]\nname = "x"\nversion = 1.2.3\n' }, '', ['Cargo.toml:3:14: Invalid TOML document: illegal character in numeric literal']],
    [{}, '', ['Cargo.toml: file not found (version.from is "cargo" in deployforge.yml)']],
    [
      { 'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n', 'crates/cli/Cargo.toml': crate('{ workspace = true }') },
      'crates/cli',
      ['../../Cargo.toml: workspace.package.version: missing, but Cargo.toml inherits it with version.workspace = true'],
    ],
    [
      { 'crates/cli/Cargo.toml': crate('{ workspace = true }', 'workspace = "../nowhere"\n') },
      'crates/cli',
      ['../nowhere/Cargo.toml: file not found'],
    ],
    [
      { 'Cargo.toml': '[workspace]\n[workspace.package]\nversion = "1.2"\n', 'crates/cli/Cargo.toml': crate('{ workspace = true }') },
      'crates/cli',
      ['../../Cargo.toml: workspace.package.version: "1.2" is not a valid version'],
    ],
  ])('%j (in %j) is refused', async (tree, sub, substrings) => {
    await files(tree);
    const message = await errorOf({ from: 'cargo', cwd: join(dir, sub) });
    for (const s of substrings) expect(message).toContain(s);
  });

  test('no workspace root anywhere above', async () => {
    // The temp dir lives under the OS temp folder, which has no Cargo.toml with [workspace] above it.
    await files({ 'Cargo.toml': crate('{ workspace = true }') });
    expect(await errorOf({ from: 'cargo' })).toContain(
      'Cargo.toml: package.version: uses version.workspace = true, but no workspace root (a Cargo.toml with [workspace]) was found',
    );
  });
});

test('an unknown from is refused', async () => {
  expect(await errorOf({ from: 'git' as never })).toContain(
    'version.from: unknown source "git" in deployforge.yml; expected tag, input, file:<path>, cargo, package-json or pyproject',
  );
});
