import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertReachable, clientEnv, run, runOk, testServices, uniqueName } from '../../helpers/services.js';

// Proves the local verdaccio behaves like registry.npmjs.org where our npm spoke depends on it: the real npm
// client publishes with a token, reads the version back, and a second publish of the same version is refused.
describe('verdaccio (npm registry on 127.0.0.1:4873)', () => {
  const env = testServices();
  const registry = env.DEPLOYFORGE_TEST_NPM_REGISTRY;
  const name = uniqueName('deployforge-it');
  let dir = '';

  beforeAll(async () => {
    await assertReachable('verdaccio', registry);
    dir = mkdtempSync(join(tmpdir(), 'df-npm-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js' }, null, 2));
    writeFileSync(join(dir, 'index.js'), 'module.exports = 42;\n');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const npm = (args: string[]) =>
    run('npm', [...args, '--registry', registry, '--no-audit', '--no-fund'], { cwd: dir, env: clientEnv() });

  it('refuses a publish without a token', async () => {
    const result = await npm(['publish']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/E401|ENEEDAUTH|unauthorized|need auth/i);
  });

  it('publishes with a token from .npmrc and serves the version back', async () => {
    // Project-level .npmrc: the token is scoped to this registry's host, as `npm login` would write it.
    const host = new URL(registry).host;
    writeFileSync(join(dir, '.npmrc'), `//${host}/:_authToken=${env.DEPLOYFORGE_TEST_NPM_TOKEN}\n`);
    await runOk('npm', ['publish', '--registry', registry, '--no-audit', '--no-fund'], { cwd: dir, env: clientEnv() });

    const view = JSON.parse(await runOk('npm', ['view', `${name}@1.0.0`, '--json', '--registry', registry], { cwd: dir, env: clientEnv() })) as {
      version: string;
      dist: { tarball: string; integrity: string };
    };
    expect(view.version).toBe('1.0.0');
    expect(view.dist.tarball.startsWith(`${registry}${name}/-/`)).toBe(true);
    expect(view.dist.integrity).toMatch(/^sha512-/);
  });

  it('refuses to publish the same version again ("cannot publish over")', async () => {
    const result = await npm(['publish']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/cannot publish over/i);
  });
});
