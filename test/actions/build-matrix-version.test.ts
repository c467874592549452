import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot, runActionBundle } from '../helpers/run-action-bundle.js';

// The example's required platforms (npm, pypi) need their credentials for the plan to succeed.
const REQUIRED_CREDENTIALS = { DEPLOYFORGE_HAS_NPM_TOKEN: 'true', DEPLOYFORGE_HAS_PYPI_TOKEN: 'true' };

/** The Rust example checked out as actions/checkout leaves it: version.from is cargo, Cargo.toml says 0.1.0. */
function rustWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-ws-'));
  for (const f of ['deployforge.yml', 'Cargo.toml', 'Cargo.lock']) cpSync(join(repoRoot, 'examples/rust-cli', f), join(dir, f));
  return dir;
}

// The plan job of a tag push v1.2.3 whose Cargo.toml says 0.1.0 planned 0.1.0 (tag v0.1.0), so the
// build checked out one tag and the registries got another version. It must stop, pointing at the line.
describe('dist/actions/build-matrix.js: the tag and the version file must agree', () => {
  test('a tag push that disagrees with Cargo.toml fails with an annotation on its version line, and sets no output', async () => {
    const run = await runActionBundle('build-matrix', {
      cwd: rustWorkspace(),
      inputs: {},
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.2.3' },
    });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/::error title=Cargo\.toml,file=Cargo\.toml,line=3,col=11::package\.version: is 0\.1\.0, but the tag v1\.2\.3 asks for 1\.2\.3; version\.from is "cargo"/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    expect(run.outputs).toEqual({});
  });

  test('a dispatch of v1.2.3 (the tag form) is checked the same way', async () => {
    const run = await runActionBundle('build-matrix', { cwd: rustWorkspace(), inputs: { version: 'v1.2.3' }, env: { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/main' } });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('package.version: is 0.1.0, but the version input v1.2.3 (tag v1.2.3) asks for 1.2.3');
    expect(run.outputs).toEqual({});
  });

  test.each([['refs/tags/v0.1.0', ''], ['refs/heads/main', 'v0.1.0']])('a tag (%s) or dispatch (%j) that agrees plans version 0.1.0, tag v0.1.0', async (ref, version) => {
    const run = await runActionBundle('build-matrix', { cwd: rustWorkspace(), inputs: version ? { version } : {}, env: { GITHUB_EVENT_NAME: version ? 'workflow_dispatch' : 'push', GITHUB_REF: ref, ...REQUIRED_CREDENTIALS } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ version: '0.1.0', tag: 'v0.1.0' });
  });
});
