import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigurationError } from '@deployforge/diagnostics';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { resolveVersion, type ResolveVersionOptions } from './resolve-version.js';

// A version file and a tag (or dispatch input, or --version) that disagree must stop the plan.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deployforge-agreement-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function files(tree: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(tree)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

const opts = (o: Partial<ResolveVersionOptions>): ResolveVersionOptions => ({ from: 'cargo', tagPrefix: 'v', cwd: dir, ...o });

async function refusal(o: Partial<ResolveVersionOptions>): Promise<ConfigurationError> {
  const error = await resolveVersion(opts(o)).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigurationError);
  return error as ConfigurationError;
}

const CARGO = '[package]\nname = "shimmy"\n# the release version\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nserde = { version = "1.2.3" }\n';
const PACKAGE_JSON = '{\n  "name": "shimmy",\n  "version": "0.1.0",\n  "dependencies": { "x": "1.2.3" }\n}\n';
const PYPROJECT = '[build-system]\nrequires = ["hatchling"]\n\n[project]\nname = "shimmy"\nversion = "0.1.0"\n';

describe.each([
  ['cargo', { 'Cargo.toml': CARGO }, 'Cargo.toml:4:11: package.version'],
  ['package-json', { 'package.json': PACKAGE_JSON }, 'package.json:3:14: version'],
  ['pyproject', { 'pyproject.toml': PYPROJECT }, 'pyproject.toml:6:11: project.version'],
  ['file:VERSION', { VERSION: '0.1.0\n' }, 'VERSION:1:1: version'],
] as const)('from: %s', (from, tree, where) => {
  test.each([
    [{ ref: 'refs/tags/v1.2.3' }, 'the tag v1.2.3 asks for 1.2.3'],
    [{ ref: 'v1.2.3' }, 'the tag v1.2.3 asks for 1.2.3'],
    [{ input: 'v1.2.3' }, 'the version input v1.2.3 (tag v1.2.3) asks for 1.2.3'],
    [{ input: '1.2.3', inputName: '--version' }, '--version 1.2.3 (tag v1.2.3) asks for 1.2.3'],
  ])('a different tag is refused: %j', async (given, who) => {
    await files(tree);
    const error = await refusal({ from, ...given });
    expect(error.message).toBe(error.message.split('\n')[0]);
    expect(error.message.startsWith(`${where}: is 0.1.0, but ${who}; version.from is "${from}" in deployforge.yml`)).toBe(true);
    expect(error.message).toMatch(/or (release|tag) v0\.1\.0/);
    const [file, line] = where.split(':');
    expect(error.diagnostics[0]).toMatchObject({ file, line: Number(line) });
  });

  test.each([[{ ref: 'refs/tags/v0.1.0' }], [{ input: 'v0.1.0' }], [{ input: '0.1.0' }], [{ ref: 'refs/heads/main' }], [{}]])(
    'the same version (or no tag at all) plans: %j',
    async (given) => {
      await files(tree);
      expect(await resolveVersion(opts({ from, ...given }))).toMatchObject({ version: '0.1.0', tag: 'v0.1.0' });
    },
  );

  test('a malformed tag is named as the problem, before the file is read', async () => {
    const error = await refusal({ from, ref: 'refs/tags/v1.2' });
    expect(error.message).toContain('tag "v1.2": "v1.2" is not a valid version');
  });
});

test('a workspace member points at the root manifest that holds the version', async () => {
  await files({
    'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n\n[workspace.package]\nversion = "2.1.0"\n',
    'crates/cli/Cargo.toml': '[package]\nname = "cli"\nversion.workspace = true\n',
  });
  const error = await refusal({ cwd: join(dir, 'crates/cli'), ref: 'refs/tags/v2.2.0' });
  expect(error.message).toContain('../../Cargo.toml:5:11: workspace.package.version: is 2.1.0, but the tag v2.2.0 asks for 2.2.0');
});

describe('from: pyproject', () => {
  const project = (version: string, extra = '') => `[project]\nname = "shimmy"\n${extra}version = ${version}\n`;

  test.each([
    ['"1.2.3rc1"', 'refs/tags/v1.2.3-rc.1', '1.2.3-rc.1', '1.2.3rc1'],
    ['"1.2.3rc1"', 'refs/tags/v1.2.3-rc1', '1.2.3-rc1', '1.2.3rc1'],
    ['"1.2.3.dev4"', 'refs/tags/v1.2.3-dev.4', '1.2.3-dev.4', '1.2.3.dev4'],
    ['"1.2.3b2"', undefined, '1.2.3-beta.2', '1.2.3b2'],
    ['"1.2.3"', undefined, '1.2.3', '1.2.3'],
  ])('%s with %s → %s (PyPI %s)', async (version, ref, semver, pypi) => {
    await files({ 'pyproject.toml': project(version) });
    expect(await resolveVersion(opts({ from: 'pyproject', ...(ref ? { ref } : {}) }))).toMatchObject({ version: semver, pypiVersion: pypi });
  });

  test.each([
    [project('"1.2.3rc1"'), 'refs/tags/v1.2.3', 'pyproject.toml:3:11: project.version: is 1.2.3rc1, but the tag v1.2.3 asks for 1.2.3'],
    [project('"1.2.3"'), 'refs/tags/v1.2.3+build.1', 'is 1.2.3, but the tag v1.2.3+build.1 asks for 1.2.3+build.1'],
    [project('"1.2.3.post1"'), undefined, 'pyproject.toml:3:11: project.version: "1.2.3.post1": a post-release has no semver form'],
    [project('"1.2"'), undefined, 'exactly three release numbers'],
    [project('"1.2.3"', 'dynamic = ["version"]\n'), undefined, 'pyproject.toml: project.dynamic: lists "version"'],
    ['[project]\nname = "x"\ndynamic = ["version"]\n', undefined, 'set version.from: tag in deployforge.yml'],
    ['[project]\nname = "x"\n', undefined, 'pyproject.toml: project.version: missing'],
    ['[tool.poetry]\nversion = "1.0.0"\n', undefined, 'pyproject.toml: no [project] table'],
    [project('1'), undefined, 'pyproject.toml: project.version: expected a version string, got 1'],
  ])('%j with %s is refused', async (text, ref, expected) => {
    await files({ 'pyproject.toml': text });
    expect((await refusal({ from: 'pyproject', ...(ref ? { ref } : {}) })).message).toContain(expected);
  });

  test('no pyproject.toml', async () => {
    expect((await refusal({ from: 'pyproject' })).message).toContain('pyproject.toml: file not found (version.from is "pyproject" in deployforge.yml)');
  });
});
