import { spawn, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@deployforge/config';
import { beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/repo-root.js';
import { assertReachable, testServices } from '../helpers/services.js';

// DeployForge's own npm publish is a custom entry in the root deployforge.yml (`npm-package`): its `run`
// and `check` commands, taken from that file, run here the way the custom spoke runs them
// (`bash -e -o pipefail -c`, with the variables it sets), against verdaccio instead of npmjs.org. The
// package published must be the release archive's tarball byte for byte, under the `next` dist-tag for
// a prerelease, and the token must never be written anywhere (the npmrc names ${NPM_TOKEN}).

const services = testServices();
const entry = parseConfig(readFileSync(join(repoRoot, 'deployforge.yml'), 'utf8'), 'deployforge.yml').config.platforms?.custom?.['npm-package'];

function bash(script: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], { env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

let env: Record<string, string>;
let tarball: Buffer;
let version: string;

beforeAll(async () => {
  await assertReachable('verdaccio', services.DEPLOYFORGE_TEST_NPM_REGISTRY);
  const scratch = mkdtempSync(join(tmpdir(), 'df-dogfood-npm-'));
  // The real package, under a version no earlier run has published (verdaccio keeps its storage).
  version = `0.0.0-dogfood.${Date.now()}.${randomBytes(3).toString('hex')}`;
  execFileSync(process.execPath, [join(repoRoot, 'scripts/build-npm-package.mjs'), '--out', join(scratch, 'package')], { stdio: 'ignore' });
  const manifestPath = join(scratch, 'package/package.json');
  writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, 'utf8')), version }, null, 2));
  const home = join(scratch, 'home');
  mkdirSync(home);
  const npmEnv = { PATH: process.env.PATH ?? '', HOME: home, npm_config_cache: join(scratch, 'cache'), npm_config_update_notifier: 'false' };
  const packed = execFileSync('npm', ['pack', join(scratch, 'package'), '--pack-destination', scratch, '--silent'], { cwd: scratch, env: npmEnv, encoding: 'utf8' }).trim();
  // The build job's archive: deployforge.tgz (plus README and LICENSE) in deployforge-<v>-linux-x64.tar.gz.
  const staged = join(scratch, 'staged');
  mkdirSync(staged);
  tarball = readFileSync(join(scratch, packed));
  writeFileSync(join(staged, 'deployforge.tgz'), tarball);
  const archive = join(scratch, `deployforge-${version}-linux-x64.tar.gz`);
  execFileSync('tar', ['-czf', archive, '-C', staged, 'deployforge.tgz']);
  env = {
    ...npmEnv,
    ...entry?.env,
    // The one difference from a real release: the registry the entry names.
    DEPLOYFORGE_NPM_REGISTRY: services.DEPLOYFORGE_TEST_NPM_REGISTRY,
    NPM_TOKEN: services.DEPLOYFORGE_TEST_NPM_TOKEN,
    DEPLOYFORGE_VERSION: version,
    DEPLOYFORGE_TAG: `v${version}`,
    DEPLOYFORGE_PRERELEASE: 'true',
    DEPLOYFORGE_ASSETS: scratch,
    DEPLOYFORGE_ASSET_LINUX_X64: archive,
  };
}, 120_000);

describe("DeployForge's npm publish (custom:npm-package in the root deployforge.yml)", () => {
  test('check says absent, run publishes the release tarball byte for byte under next, then check says present', async () => {
    expect(entry?.run).toBeDefined();
    expect(entry?.secrets).toEqual(['NPM_TOKEN']);
    expect(entry?.env?.DEPLOYFORGE_NPM_REGISTRY).toBe('https://registry.npmjs.org/');

    expect((await bash(entry!.check!, env)).code).not.toBe(0);
    const published = await bash(entry!.run, env);
    expect(published.code, published.out).toBe(0);
    expect(published.out).not.toContain(services.DEPLOYFORGE_TEST_NPM_TOKEN);
    const again = await bash(entry!.check!, env);
    expect(again.code, again.out).toBe(0);

    const view = JSON.parse(execFileSync('npm', ['view', `deployforge@${version}`, '--json', '--registry', services.DEPLOYFORGE_TEST_NPM_REGISTRY], { env, encoding: 'utf8' })) as {
      dist: { integrity: string }; 'dist-tags': Record<string, string>; dependencies?: unknown;
    };
    expect(view.dist.integrity).toBe(`sha512-${createHash('sha512').update(tarball).digest('base64')}`);
    expect(view['dist-tags'].next).toBe(version);
    expect(view.dependencies).toBeUndefined();
  }, 120_000);
});
