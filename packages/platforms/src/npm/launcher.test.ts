import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { renderContext } from '../../../../test/fixtures/npm/example-context.js';
import { NPM_FLAVOR, resolveNpmSettings } from './npm-settings.js';
import { planNpmPackages } from './package-plan.js';
import { renderLauncher } from './launcher.js';

// The launcher is real JavaScript that runs on users' machines: run it with node over an installed
// layout (node_modules/<pkg>/bin/<binary>), pretending to be other hosts through a preload script.
const root = mkdtempSync(join(tmpdir(), 'df-launcher-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ctx = renderContext(`
project: { name: tool }
build: { targets: [linux-x64, linux-x64-musl, macos-arm64, windows-x64] }
platforms: { npm: {} }
`);
const launcher = renderLauncher(planNpmPackages(ctx, resolveNpmSettings(ctx, NPM_FLAVOR)), 'tool');

/** A consumer folder with the main package and the given per-target packages, each binary a shell script. */
function install(packages: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 'app-'));
  mkdirSync(join(dir, 'node_modules', 'tool', 'bin'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'tool', 'bin', 'tool.js'), launcher, { mode: 0o755 });
  for (const [name, script] of Object.entries(packages)) {
    mkdirSync(join(dir, 'node_modules', name, 'bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '1.2.3' }));
    writeFileSync(join(dir, 'node_modules', name, 'bin', 'tool'), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  }
  return dir;
}

/** Pretend to be another host: platform/arch and whether the diagnostic report shows glibc. */
function preload(dir: string, host: { platform?: string; arch?: string; glibc?: boolean }): string {
  const file = join(dir, 'host.cjs');
  const lines = [
    host.platform ? `Object.defineProperty(process, 'platform', { value: ${JSON.stringify(host.platform)} });` : '',
    host.arch ? `Object.defineProperty(process, 'arch', { value: ${JSON.stringify(host.arch)} });` : '',
    host.glibc === undefined ? '' : `Object.defineProperty(process, 'report', { value: { getReport: () => ({ header: ${host.glibc ? "{ glibcVersionRuntime: '2.36' }" : '{}'} }) } });`,
  ];
  writeFileSync(file, lines.join('\n'));
  return file;
}

function launch(dir: string, args: string[], host: { platform?: string; arch?: string; glibc?: boolean } = {}) {
  return spawnSync(process.execPath, ['--require', preload(dir, host), join(dir, 'node_modules', 'tool', 'bin', 'tool.js'), ...args], { cwd: dir, encoding: 'utf8' });
}

describe.runIf(process.platform === 'linux')('launcher', () => {
  test('runs the glibc package on a glibc host, passing arguments and stdio through', () => {
    const dir = install({ 'tool-linux-x64': 'echo "gnu $*"', 'tool-linux-x64-musl': 'echo "musl $*"' });
    const result = launch(dir, ['a b', '--flag'], { platform: 'linux', arch: 'x64', glibc: true });
    expect(result.stdout).toBe('gnu a b --flag\n');
    expect(result.status).toBe(0);
  });

  test('a musl host gets the musl package, never the glibc one', () => {
    const dir = install({ 'tool-linux-x64': 'echo gnu', 'tool-linux-x64-musl': 'echo musl' });
    expect(launch(dir, [], { platform: 'linux', arch: 'x64', glibc: false }).stdout).toBe('musl\n');
    const onlyGnu = install({ 'tool-linux-x64': 'echo gnu' });
    const result = launch(onlyGnu, [], { platform: 'linux', arch: 'x64', glibc: false });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('tool: the package tool-linux-x64-musl is not installed');
  });

  test('a glibc host falls back to the static musl package when that is what npm installed', () => {
    const dir = install({ 'tool-linux-x64-musl': 'echo musl' });
    expect(launch(dir, [], { platform: 'linux', arch: 'x64', glibc: true }).stdout).toBe('musl\n');
  });

  test('forwards the exit code', () => {
    const dir = install({ 'tool-linux-x64': 'exit 7' });
    expect(launch(dir, [], { platform: 'linux', arch: 'x64', glibc: true }).status).toBe(7);
  });

  test('dies of the signal that killed the binary', () => {
    const dir = install({ 'tool-linux-x64': 'kill -TERM $$' });
    const result = launch(dir, [], { platform: 'linux', arch: 'x64', glibc: true });
    expect(result.signal).toBe('SIGTERM');
  });

  test('an unsupported host is told which platforms exist', () => {
    const dir = install({});
    const result = launch(dir, [], { platform: 'freebsd', arch: 'x64' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('tool: no prebuilt binary for freebsd-x64. Supported platforms: linux-x64, linux-x64-musl, macos-arm64, windows-x64.');
  });

  test('a missing optional dependency names the package and the install flag that dropped it', () => {
    const dir = install({});
    const result = launch(dir, [], { platform: 'darwin', arch: 'arm64' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('tool: the package tool-macos-arm64 is not installed. It is an optional dependency: reinstall without --omit=optional');
  });
});
