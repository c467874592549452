import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runBuiltCli } from './cli-process.js';

/** What `deployforge init` leaves behind must be a config a first release can succeed with. */
describe('deployforge init (the built CLI)', () => {
  test('a Go repository: nothing required, plan succeeds without secrets, .gitignore gains what a release leaves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-init-go-'));
    execFileSync('git', ['init', '-q', dir]);
    execFileSync('git', ['-C', dir, 'remote', 'add', 'origin', 'https://github.com/acme/gizmo.git']);
    writeFileSync(join(dir, 'go.mod'), 'module github.com/acme/gizmo\n\ngo 1.22\n');
    writeFileSync(join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
    // Already ignored in another spelling, and no newline at the end.
    writeFileSync(join(dir, '.gitignore'), 'node_modules\n/dist');

    const init = await runBuiltCli(['init'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`added .deployforge/ to ${join(dir, '.gitignore')}`);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules\n/dist\n# deployforge: release work and build output\n.deployforge/\n');

    const config = readFileSync(join(dir, 'deployforge.yml'), 'utf8');
    // Homebrew stays on (the tap is suggested) but is not required: the tap may not exist yet.
    expect(config).toMatch(/^ {2}homebrew:/m);
    expect(config).not.toMatch(/^required:/m);
    expect(config).toContain('# required: [homebrew]');
    expect(config).toMatch(/^ {2}# attest: false {2}# .*on by default/m);

    // A required platform without its secret stops the plan (exit 2): a fresh init must not.
    const plan = await runBuiltCli(['plan', '--version', '1.0.0'], { cwd: dir });
    expect(plan.code, plan.stderr).toBe(0);
    const validate = await runBuiltCli(['validate'], { cwd: dir });
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stderr).toBe('');

    // Re-running adds nothing twice.
    const again = await runBuiltCli(['init', '--force'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('.gitignore');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules\n/dist\n# deployforge: release work and build output\n.deployforge/\n');
  }, 60_000);

  test('a Rust repository gets .deployforge/ and target/ ignored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-init-rust-'));
    execFileSync('git', ['init', '-q', dir]);
    writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "shimmy"\nversion = "0.3.0"\n');
    const init = await runBuiltCli(['init'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('# deployforge: release work and build output\n.deployforge/\ntarget/\n');
  }, 60_000);

  test('an unrecognised folder: the config says what to fill in, validate passes, generate asks for build.command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-init-unknown-'));
    const init = await runBuiltCli(['init'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('fill in: build.command and build.path');
    // Not a git repository: no .gitignore appears.
    expect(existsSync(join(dir, '.gitignore'))).toBe(false);
    const config = readFileSync(join(dir, 'deployforge.yml'), 'utf8');
    expect(config).not.toContain('scripts/build.sh');
    expect(config).toMatch(/# FILL IN: /);

    const validate = await runBuiltCli(['validate'], { cwd: dir });
    expect(validate.code, validate.stderr).toBe(0);
    const generate = await runBuiltCli(['generate'], { cwd: dir });
    expect(generate.code).toBe(2);
    expect(generate.stderr).toMatch(/deployforge\.yml:\d+:\d+: build\.command: the release workflow needs the command that builds one target/);
  }, 60_000);

  test('validate warns, and still passes, when build.command runs a script that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-validate-script-'));
    writeFileSync(join(dir, 'deployforge.yml'), [
      'project: { name: gizmo }',
      'build:',
      '  binary: gizmo',
      '  targets: [linux-x64]',
      '  command: ./scripts/build.sh "$DEPLOYFORGE_TARGET"',
      '  path: dist/gizmo',
      '',
    ].join('\n'));
    const missing = await runBuiltCli(['validate'], { cwd: dir });
    expect(missing.code, missing.stderr).toBe(0);
    expect(missing.stderr).toMatch(/^warning: deployforge\.yml:5:\d+: build\.command: \.\/scripts\/build\.sh does not exist/m);
    expect(missing.stdout).toMatch(/is valid/);

    const json = await runBuiltCli(['validate', '--json'], { cwd: dir });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true });
    expect(json.stderr).toMatch(/build\.command: \.\/scripts\/build\.sh does not exist/);

    execFileSync('mkdir', ['-p', join(dir, 'scripts')]);
    writeFileSync(join(dir, 'scripts/build.sh'), '#!/bin/sh\n', { mode: 0o755 });
    const present = await runBuiltCli(['validate'], { cwd: dir });
    expect(present.code).toBe(0);
    expect(present.stderr).toBe('');
  }, 60_000);
});
