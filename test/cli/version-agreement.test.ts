import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/repo-root.js';
import { runBuiltCli } from './cli-process.js';

// issue 15 item 1: a tag v1.2.3 over a Cargo.toml that says 0.1.0 planned `version 0.1.0, tag v0.1.0`,
// exit 0, and the build then checked out another tag. The version the user tagged is the version
// released, or nothing happens.

/** A project in a temp folder: deployforge.yml with `version.from`, plus the given files. */
function project(from: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-version-'));
  writeFileSync(
    join(dir, 'deployforge.yml'),
    `project: { name: shimmy, repository: acme/shimmy }\nversion: { from: ${from} }\nbuild: { targets: [linux-x64] }\nplatforms:\n  homebrew: { tap: acme/homebrew-tap }\n`,
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** examples/rust-cli as init writes it for Rust: version.from cargo, Cargo.toml 0.1.0. */
function rustCli(): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-version-'));
  for (const f of ['deployforge.yml', 'Cargo.toml', 'Cargo.lock']) cpSync(join(repoRoot, 'examples/rust-cli', f), join(dir, f));
  return dir;
}

const CARGO = '[package]\nname = "shimmy"\nversion = "0.1.0"\nedition = "2021"\n';

describe('a tag or --version that disagrees with the version file stops plan and release (exit 2)', () => {
  test.each([
    ['cargo', { 'Cargo.toml': CARGO }, 'Cargo.toml:3:11: package.version: is 0.1.0'],
    ['package-json', { 'package.json': '{\n  "name": "shimmy",\n  "version": "0.1.0"\n}\n' }, 'package.json:3:14: version: is 0.1.0'],
    ['file:VERSION', { VERSION: '0.1.0\n' }, 'VERSION:1:1: version: is 0.1.0'],
    ['pyproject', { 'pyproject.toml': '[project]\nname = "shimmy"\nversion = "0.1.0"\n' }, 'pyproject.toml:3:11: project.version: is 0.1.0'],
  ])('plan, from %s, on a tag push v1.2.3', async (from, files, where) => {
    const run = await runBuiltCli(['plan'], { cwd: project(from, files), env: { GITHUB_REF: 'refs/tags/v1.2.3' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${where}, but the tag v1.2.3 asks for 1.2.3; version.from is "${from}" in deployforge.yml`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  test('plan --version v1.2.3 on examples/rust-cli (Cargo.toml 0.1.0)', async () => {
    const run = await runBuiltCli(['plan', '--version', 'v1.2.3'], { cwd: rustCli() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Cargo.toml:3:11: package.version: is 0.1.0, but --version v1.2.3 (tag v1.2.3) asks for 1.2.3');
    expect(run.stderr).toContain('or release v0.1.0');
  });

  test('release refuses before any request or build (no GitHub, no token needed to find out)', async () => {
    const run = await runBuiltCli(['release', '--version', '1.2.3'], { cwd: rustCli() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Cargo.toml:3:11: package.version: is 0.1.0, but --version 1.2.3 (tag v1.2.3) asks for 1.2.3');
    expect(run.stderr).not.toContain('GITHUB_TOKEN');
  });

  test('the same version plans, tag push or --version, with or without the prefix', async () => {
    for (const [args, env] of [[['plan', '--json'], { GITHUB_REF: 'refs/tags/v0.1.0' }], [['plan', '--json', '--version', 'v0.1.0'], {}], [['plan', '--json', '--version', '0.1.0'], {}]] as const) {
      const run = await runBuiltCli([...args], { cwd: rustCli(), env: { ...env } });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, version: { version: '0.1.0', tag: 'v0.1.0' } });
    }
  });
});

describe('a dispatch version in the tag form', () => {
  test('plan --version v1.2.3 on a tag-sourced project is version 1.2.3, tag v1.2.3 (never vv1.2.3)', async () => {
    const run = await runBuiltCli(['plan', '--version', 'v1.2.3', '--json'], { cwd: join(repoRoot, 'examples/go-cli') });
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as { ok: boolean; version: { version: string; tag: string }; matrix: { include: { archive: string }[] } };
    expect(plan.ok).toBe(true);
    expect(plan.version).toMatchObject({ version: '1.2.3', tag: 'v1.2.3' });
    expect(run.stdout).not.toContain('vv1.2.3');
    for (const m of plan.matrix.include) expect(m.archive).toMatch(/^hello-forge-go-1\.2\.3-/);
  });
});

describe('version.from: pyproject', () => {
  test('PEP 440 1.2.3rc1 is semver 1.2.3-rc.1, PyPI 1.2.3rc1; a tag v1.2.3-rc.1 agrees', async () => {
    const dir = project('pyproject', { 'pyproject.toml': '[project]\nname = "shimmy"\nversion = "1.2.3rc1"\n' });
    for (const env of [{}, { GITHUB_REF: 'refs/tags/v1.2.3-rc.1' }] as Record<string, string>[]) {
      const run = await runBuiltCli(['plan', '--json'], { cwd: dir, env });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ version: { version: '1.2.3-rc.1', tag: 'v1.2.3-rc.1', prerelease: true, 'pypi-version': '1.2.3rc1' } });
    }
  });

  test('a dynamic version is refused with the way out (version.from: tag)', async () => {
    const dir = project('pyproject', { 'pyproject.toml': '[project]\nname = "shimmy"\ndynamic = ["version"]\n' });
    const run = await runBuiltCli(['plan'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pyproject.toml: project.dynamic: lists "version"');
    expect(run.stderr).toContain('set version.from: tag in deployforge.yml');
  });

  test('validate accepts version.from: pyproject', async () => {
    const run = await runBuiltCli(['validate'], { cwd: project('pyproject', {}) });
    expect(run.code, run.stderr).toBe(0);
  });
});
