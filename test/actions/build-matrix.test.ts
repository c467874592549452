import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot, runActionBundle } from '../helpers/run-action-bundle.js';

/** A workspace with the Rust example checked out, as actions/checkout would leave it. */
function rustWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-ws-'));
  for (const f of ['deployforge.yml', 'Cargo.toml', 'Cargo.lock']) cpSync(join(repoRoot, 'examples/rust-cli', f), join(dir, f));
  // version.from is cargo: the crate says the version these tests ask for (one that disagrees stops the plan).
  writeFileSync(join(dir, 'Cargo.toml'), readFileSync(join(dir, 'Cargo.toml'), 'utf8').replace(/^version = ".*"$/m, 'version = "1.2.3"'));
  return dir;
}

describe('dist/actions/build-matrix.js under the runner env contract', () => {
  test('a dispatch selecting two spokes: outputs, matrix and summary', async () => {
    const run = await runActionBundle('build-matrix', {
      cwd: rustWorkspace(),
      inputs: { config: 'deployforge.yml', version: '1.2.3', platforms: 'homebrew,scoop', force: 'false', 'dry-run': 'false' },
      env: { GITHUB_EVENT_NAME: 'workflow_dispatch', DEPLOYFORGE_HAS_HOMEBREW_TAP_TOKEN: 'true', DEPLOYFORGE_HAS_SCOOP_BUCKET_TOKEN: 'true' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.version).toBe('1.2.3');
    expect(run.outputs.tag).toBe('v1.2.3');
    expect(run.outputs.prerelease).toBe('false');
    const matrix = JSON.parse(run.outputs.matrix ?? '{}') as { include: { target: string; 'rust-target': string }[] };
    expect(matrix.include).toHaveLength(8);
    expect(matrix.include.find((m) => m.target === 'macos-arm64')?.['rust-target']).toBe('aarch64-apple-darwin');
    expect(run.outputs['publish-homebrew']).toBe('true');
    expect(run.outputs['publish-scoop']).toBe('true');
    expect(run.outputs['publish-npm']).toBe('false');
    expect(run.outputs['publish-custom-mirror']).toBe('false');
    expect(JSON.parse(run.outputs.plan ?? '{}').schema).toBe('deployforge-plan/v1');
    expect(run.summary).toContain('DeployForge plan: hello-forge 1.2.3');
  });

  test('a tag push reads the version from GITHUB_REF and flags missing credentials', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'df-ws-'));
    writeFileSync(join(cwd, 'deployforge.yml'), 'project: { name: demo }\nbuild: { targets: [linux-x64] }\nplatforms:\n  npm: {}\n  homebrew: { tap: acme/homebrew-tap }\n');
    const run = await runActionBundle('build-matrix', {
      cwd,
      inputs: {},
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v2.0.0-rc.1', DEPLOYFORGE_HAS_NPM_TOKEN: 'true', DEPLOYFORGE_HAS_HOMEBREW_TAP_TOKEN: 'false' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.version).toBe('2.0.0-rc.1');
    expect(run.outputs.prerelease).toBe('true');
    expect(run.outputs['publish-npm']).toBe('true');
    expect(run.outputs['publish-homebrew']).toBe('false');
    expect(run.stdout).toMatch(/::warning title=Homebrew will not run::homebrew: missing credential: set HOMEBREW_TAP_TOKEN/);
  });

  test('a required platform without its credential fails the plan job with an annotation on its required entry, and sets no output', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'df-ws-'));
    writeFileSync(join(cwd, 'deployforge.yml'), 'project: { name: demo }\nbuild: { targets: [linux-x64] }\nrequired: [npm]\nplatforms:\n  npm: {}\n  homebrew: { tap: acme/homebrew-tap }\n');
    const run = await runActionBundle('build-matrix', {
      cwd,
      inputs: {},
      // As the generated plan job sets them: in the release environment, with the secrets' presence.
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v2.0.0', DEPLOYFORGE_SECRETS_ENVIRONMENT: 'release', DEPLOYFORGE_HAS_NPM_TOKEN: 'false', DEPLOYFORGE_HAS_HOMEBREW_TAP_TOKEN: 'true' },
    });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/::error title=deployforge\.yml,file=deployforge\.yml,line=3,col=\d+::required\[0\]: npm is required, but missing credential: set NPM_TOKEN /);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    expect(run.outputs).toEqual({});
  });

  test('a spoke whose secrets live in another environment runs, with a notice saying who checks them', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'df-ws-'));
    writeFileSync(join(cwd, 'deployforge.yml'), 'project: { name: demo }\nbuild: { targets: [linux-x64] }\nplatforms:\n  npm: { environment: npm-prod }\n  homebrew: { tap: acme/homebrew-tap }\n');
    const run = await runActionBundle('build-matrix', {
      cwd,
      inputs: {},
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v2.0.0', DEPLOYFORGE_SECRETS_ENVIRONMENT: 'release', DEPLOYFORGE_HAS_NPM_TOKEN: 'false', DEPLOYFORGE_HAS_HOMEBREW_TAP_TOKEN: 'true' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['publish-npm']).toBe('true');
    expect(run.stdout).toMatch(/::notice title=npm credentials are checked in npm-prod::npm: NPM_TOKEN not visible here \(environment npm-prod\); its publish job checks them before writing/);
  });

  test('a bogus platforms input fails the step and sets no output', async () => {
    const run = await runActionBundle('build-matrix', {
      cwd: rustWorkspace(),
      inputs: { version: '1.2.3', platforms: 'bogus' },
    });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('::error::--platforms: "bogus" is not enabled');
    expect(run.outputs).toEqual({});
  });

  test('a broken config becomes annotations on deployforge.yml lines, with no stack trace', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'df-ws-'));
    writeFileSync(join(cwd, 'deployforge.yml'), 'project:\n  name: demo\n  nmae: typo\nbuild:\n  targets: [linux-x65]\n');
    const run = await runActionBundle('build-matrix', { cwd, inputs: { version: '1.0.0' } });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/::error title=deployforge\.yml,file=deployforge\.yml,line=3,col=3::project\.nmae: /);
    expect(run.stdout).toMatch(/::error title=deployforge\.yml,file=deployforge\.yml,line=5,col=13::build\.targets\[0\]: unknown value \"linux-x65\" \(did you mean \"linux-x64\"\?\)/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    expect(run.outputs).toEqual({});
  });

  test('an invalid boolean input names the input', async () => {
    const run = await runActionBundle('build-matrix', { cwd: rustWorkspace(), inputs: { version: '1.2.3', force: 'yes please' } });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('::error::force: expected true or false, got "yes please"');
  });
});
