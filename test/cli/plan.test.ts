import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/repo-root.js';
import { runBuiltCli } from './cli-process.js';

interface PlanJson {
  ok: boolean;
  version: { version: string; tag: string; prerelease: boolean; 'npm-dist-tag': string; 'pypi-version'?: string };
  matrix: { include: { target: string; 'rust-target': string; goos: string; goarch: string; archive: string }[] };
  targets: { target: string; npm: { os: string; cpu: string; package: string }; pypi: { 'platform-tag': string }; oci?: { architecture: string } }[];
  spokes: { key: string; run: boolean; reason: string }[];
}

/** examples/rust-cli with its Cargo.toml at `version` (version.from is cargo: a --version must agree with it). */
function rustCliAt(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-plan-'));
  for (const f of ['deployforge.yml', 'Cargo.toml']) cpSync(join(repoRoot, 'examples/rust-cli', f), join(dir, f));
  writeFileSync(join(dir, 'Cargo.toml'), readFileSync(join(dir, 'Cargo.toml'), 'utf8').replace(/^version = ".*"$/m, `version = "${version}"`));
  return dir;
}

describe('deployforge plan (the built CLI)', () => {
  test('--json on examples/rust-cli: triples, GOOS/GOARCH, npm/PyPI/OCI names for every target', async () => {
    const run = await runBuiltCli(['plan', '--version', '2.0.0-rc.1', '--json'], { cwd: rustCliAt('2.0.0-rc.1') });
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as PlanJson;
    expect(plan.ok).toBe(true);
    expect(plan.version).toMatchObject({ version: '2.0.0-rc.1', tag: 'v2.0.0-rc.1', prerelease: true, 'npm-dist-tag': 'next', 'pypi-version': '2.0.0rc1' });
    const rows = Object.fromEntries(plan.matrix.include.map((m) => [m.target, m]));
    expect(rows['linux-x64']).toMatchObject({ 'rust-target': 'x86_64-unknown-linux-gnu', goos: 'linux', goarch: 'amd64' });
    expect(rows['windows-arm64']).toMatchObject({ 'rust-target': 'aarch64-pc-windows-msvc', goos: 'windows', goarch: 'arm64', archive: 'hello-forge-2.0.0-rc.1-windows-arm64.zip' });
    const t = Object.fromEntries(plan.targets.map((x) => [x.target, x]));
    expect(t['macos-arm64']).toMatchObject({ npm: { os: 'darwin', cpu: 'arm64' }, pypi: { 'platform-tag': 'macosx_11_0_arm64' } });
    expect(t['linux-x64-musl']?.pypi['platform-tag']).toBe('musllinux_1_2_x86_64');
    expect(t['linux-arm64']?.oci?.architecture).toBe('arm64');
    expect(t['windows-x64']?.pypi['platform-tag']).toBe('win_amd64');
  });

  test('--json on examples/go-cli', async () => {
    const run = await runBuiltCli(['plan', '--version', 'v0.3.0', '--json', '--platforms', 'homebrew,scoop'], { cwd: join(repoRoot, 'examples/go-cli') });
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as PlanJson;
    for (const m of plan.matrix.include) expect(m.archive).toBe(`hello-forge-go-0.3.0-${m.target}.${m.target.startsWith('windows') ? 'zip' : 'tar.gz'}`);
    expect(plan.spokes.filter((s) => s.run).map((s) => s.key)).toEqual(['homebrew', 'scoop']);
  });

  test('the human table names every target and spoke', async () => {
    const run = await runBuiltCli(['plan', '--version', '0.1.0'], { cwd: join(repoRoot, 'examples/rust-cli') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/aarch64-apple-darwin/);
    expect(run.stdout).toMatch(/custom:mirror/);
  });

  test('--check-credentials: a required platform without its credential is bad input; OIDC is listed only where declared', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-plan-'));
    writeFileSync(join(dir, 'deployforge.yml'), 'project: { name: demo }\nbuild: { targets: [linux-x64] }\nrequired: [pypi]\nplatforms:\n  npm: { trusted-publishing: true }\n  pypi: {}\n  crates: {}\n');
    const refused = await runBuiltCli(['plan', '--version', '1.0.0', '--check-credentials'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^deployforge\.yml:3:\d+: required\[0\]: pypi is required, but missing credential: set PYPI_TOKEN .*add `trusted-publishing: true` to platforms\.pypi/m);
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    // Wide enough that each spoke's row is one line (at 80 columns the detail wraps: test/cli/plan-columns.test.ts).
    const allowed = await runBuiltCli(['plan', '--version', '1.0.0', '--check-credentials'], { cwd: dir, env: { PYPI_TOKEN: 'pypi-set', COLUMNS: '250' } });
    expect(allowed.code, allowed.stderr).toBe(0);
    const row = (key: string) => allowed.stdout.split('\n').find((l) => l.trimStart().startsWith(`${key} `)) ?? '';
    expect(row('npm')).toMatch(/NPM_TOKEN \| OIDC/);
    expect(row('crates')).toMatch(/CARGO_REGISTRY_TOKEN/);
    expect(row('crates')).not.toMatch(/OIDC/);
    // Optional and without a token: skipped before anything is written, with what to set.
    expect(row('crates')).toMatch(/missing-credential .*missing credential: set CARGO_REGISTRY_TOKEN/);
  });

  test.each([
    [['plan', '--version', '1.2'], /version: "1\.2" is not a valid version/],
    [['plan', '--version', '0.1.0', '--platforms', 'bogus'], /--platforms: "bogus" is not enabled/],
    [['plan', '--version', '$(id)'], /is not a valid version/],
    [['plan', '--bogus-flag'], /unknown option '--bogus-flag'/],
    [['nonsense'], /unknown command 'nonsense'/],
  ])('%j is bad input: exit 2, no stack trace', async (args, message) => {
    const run = await runBuiltCli(args, { cwd: join(repoRoot, 'examples/rust-cli') });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  test('--help works on every command', async () => {
    for (const cmd of [[], ['validate'], ['plan'], ['init']]) {
      const run = await runBuiltCli([...cmd, '--help'], { cwd: repoRoot });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: deployforge/);
    }
  });
});
