import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import { loadPlatform, type Platform } from '@deployforge/platforms';
import { publishSpoke } from '@deployforge/publish';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { assertReachable, clientEnv, runOk, testServices, uniqueName, type ServicesEnv } from '../../helpers/services.js';
import { planNpmPackages } from '../../../packages/platforms/src/npm/package-plan.js';
import { packNpmPackages } from '../../../packages/platforms/src/npm/pack-packages.js';
import { NPM_FLAVOR, resolveNpmSettings } from '../../../packages/platforms/src/npm/npm-settings.js';
import { publishDocument } from '../../../packages/platforms/src/npm/publish.js';
import { putVersion } from '../../../packages/platforms/src/npm/registry-client.js';
import { tarballDigests } from '../../../packages/platforms/src/npm/tarball.js';
import { startCountingProxy, type CountingProxy } from './npm-counting-proxy.js';

// The npm spoke against the real verdaccio on 127.0.0.1:4873, installed back with the real npm client.
// Every request the spoke makes goes through a counting proxy, so "no writes" is counted at the server's
// door. Package names are unique per run: verdaccio keeps what was published while it runs.

const CANARY = 'npm_canary_token_4c1d9e0b7a';
const TARGETS = '[linux-x64, linux-arm64, macos-arm64, windows-x64]';

const config = (pkg: string, registry: string, description = 'A demo CLI for the npm spoke tests') => `
project:
  name: forge-demo
  description: ${description}
  license: MIT
  homepage: https://example.test/forge-demo
  repository: acme/forge-demo
build:
  binary: forge-demo
  targets: ${TARGETS}
platforms:
  npm:
    package: '${pkg}'
    registry: ${registry}
`;

interface Packument {
  _rev?: string;
  'dist-tags': Record<string, string>;
  versions: Record<string, { dist: { integrity: string }; optionalDependencies?: Record<string, string> }>;
  time: Record<string, string>;
}

let services: ServicesEnv;
let proxy: CountingProxy;
let npm: Platform;
const fixtures: ReleaseFixture[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'df-npm-it-'));

beforeAll(async () => {
  services = testServices();
  await assertReachable('verdaccio', services.DEPLOYFORGE_TEST_NPM_REGISTRY);
  proxy = await startCountingProxy(services.DEPLOYFORGE_TEST_NPM_REGISTRY);
  npm = (await loadPlatform('npm'))!;
});
afterAll(async () => {
  await Promise.all(fixtures.map((f) => f.close()));
  await proxy?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function fixture(yaml: string, version = '1.0.0'): Promise<ReleaseFixture> {
  const fx = await createReleaseFixture(yaml, version);
  fixtures.push(fx);
  return fx;
}

async function spoke(fx: ReleaseFixture, options: { token?: string; dryRun?: boolean; platform?: Platform } = {}) {
  const log = createMemoryLogger();
  const token = options.token ?? services.DEPLOYFORGE_TEST_NPM_TOKEN;
  const ctx = fx.context({ log, dryRun: options.dryRun ?? false, env: { NPM_TOKEN: token, GITHUB_TOKEN: token } });
  const platform = options.platform ?? npm;
  const outcome = await publishSpoke({ key: platform.id, platform, ctx, redact: createRedactor([token]) });
  return { outcome, log, ctx };
}

async function packument(name: string): Promise<Packument | undefined> {
  const escaped = name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : name;
  const response = await fetch(new URL(escaped, services.DEPLOYFORGE_TEST_NPM_REGISTRY));
  if (response.status === 404) return undefined;
  expect(response.status).toBe(200);
  return (await response.json()) as Packument;
}

/** `npm install` into a clean folder with no user config, then the launcher runs the binary. */
async function installAndRun(pkg: string, extra: string[] = []): Promise<{ dir: string; output: string }> {
  const dir = mkdtempSync(join(scratch, 'install-'));
  writeFileSync(join(dir, 'package.json'), '{"name":"consumer","private":true}\n');
  writeFileSync(join(dir, '.npmrc-empty'), '');
  const env = clientEnv({ npm_config_userconfig: join(dir, '.npmrc-empty'), npm_config_cache: join(dir, '.cache') });
  await runOk('npm', ['install', pkg, '--registry', services.DEPLOYFORGE_TEST_NPM_REGISTRY, '--no-audit', '--no-fund', ...extra], { cwd: dir, env, timeoutMs: 120_000 });
  const output = await runOk(join(dir, 'node_modules', '.bin', 'forge-demo'), ['--version'], { cwd: dir, env });
  return { dir, output };
}

const PKG = uniqueName('df-npm');
const targetNames = ['linux-x64', 'linux-arm64', 'macos-arm64', 'windows-x64'].map((t) => `${PKG}-${t}`);

describe('npm spoke against verdaccio', () => {
  test('first publish: per-target packages then the launcher; npm installs it and the binary runs', async () => {
    const fx = await fixture(config(PKG, proxy.url));
    const before = proxy.writes().length;
    const { outcome, log } = await spoke(fx);
    expect(outcome.status, outcome.detail).toBe('published');
    expect(outcome.detail).toContain('5 of 5 package(s) published');
    expect(outcome.url).toBe(`${proxy.url}${PKG}`);

    // Five PUTs at the server, the launcher last so it never points at a missing package.
    const writes = proxy.writes().slice(before);
    expect(writes.map((w) => w.method)).toEqual(['PUT', 'PUT', 'PUT', 'PUT', 'PUT']);
    expect(writes.at(-1)?.path).toBe(`/${PKG}`);
    expect(writes.slice(0, 4).map((w) => w.path.slice(1)).sort()).toEqual([...targetNames].sort());
    expect(log.lines.filter((l) => l.startsWith('info: npm: published'))).toHaveLength(5);

    const main = await packument(PKG);
    expect(main?.['dist-tags'].latest).toBe('1.0.0');
    expect(main?.versions['1.0.0']?.optionalDependencies).toEqual(Object.fromEntries(targetNames.map((n) => [n, '1.0.0'])));
    for (const name of targetNames) expect((await packument(name))?.versions['1.0.0']?.dist.integrity).toMatch(/^sha512-/);

    const { dir, output } = await installAndRun(PKG);
    expect(output.trim()).toBe('forge-demo 1.0.0 (linux-x64)');
    // Only the package for this machine was installed.
    expect(readdirSync(join(dir, 'node_modules')).filter((n) => n.startsWith(PKG)).sort()).toEqual([PKG, `${PKG}-linux-x64`]);
    // npx finds the same launcher.
    const npx = await runOk('npx', ['--no-install', 'forge-demo'], { cwd: dir, env: clientEnv({ npm_config_userconfig: join(dir, '.npmrc-empty') }) });
    expect(npx.trim()).toBe('forge-demo 1.0.0 (linux-x64)');
  });

  test('installs and runs with --ignore-scripts (no postinstall involved)', async () => {
    const { output } = await installAndRun(PKG, ['--ignore-scripts']);
    expect(output.trim()).toBe('forge-demo 1.0.0 (linux-x64)');
  });

  test('second publish: identical, zero writes at the server, packument untouched', async () => {
    const fx = await fixture(config(PKG, proxy.url));
    const rev = (await packument(PKG))?._rev;
    const before = proxy.writes().length;
    const { outcome } = await spoke(fx);
    expect(outcome.status, outcome.detail).toBe('skipped');
    expect(outcome.existence?.state).toBe('identical');
    expect(outcome.existence?.detail).toContain('all 5 packages match');
    expect(proxy.writes().length).toBe(before);
    expect((await packument(PKG))?._rev).toBe(rev);
  });

  test('publish itself is idempotent: called past check, it confirms the content and writes nothing', async () => {
    const fx = await fixture(config(PKG, proxy.url));
    const ctx = fx.context({ env: { NPM_TOKEN: services.DEPLOYFORGE_TEST_NPM_TOKEN } });
    const before = proxy.writes().length;
    const result = await npm.publish(ctx, npm.render(ctx));
    expect(result.status, result.detail).toBe('skipped');
    expect(result.detail).toContain('5 already there with identical content');
    expect(proxy.writes().length).toBe(before);
  });

  test('same version with other content is "different" and refused, with the evidence', async () => {
    const fx = await fixture(config(PKG, proxy.url, 'Another description'));
    const before = proxy.writes().length;
    const { outcome } = await spoke(fx);
    expect(outcome.status).toBe('failed');
    expect(outcome.existence?.state).toBe('different');
    expect(outcome.detail).toMatch(new RegExp(`${PKG}@1.0.0 has integrity sha512-.*the files differ`));
    expect(outcome.detail).toContain('never allows replacing a version');
    expect(proxy.writes().length).toBe(before);
  });

  test('published by a runner whose zlib compresses differently: same files, so still identical', async () => {
    const name = uniqueName('df-npm-zlib');
    const fx = await fixture(config(name, proxy.url));
    const ctx = fx.context({ env: { NPM_TOKEN: services.DEPLOYFORGE_TEST_NPM_TOKEN } });
    const settings = resolveNpmSettings(ctx, NPM_FLAVOR);
    const packed = await packNpmPackages(ctx, planNpmPackages(ctx, settings), npm.render(ctx));
    // Same tar, other gzip bytes: what another Node/zlib build would have uploaded.
    for (const p of packed) {
      writeFileSync(p.tarball.path, gzipSync(gunzipSync(readFileSync(p.tarball.path)), { level: 1 }));
      const other = { ...p, tarball: { ...p.tarball, ...(await tarballDigests(p.tarball.path)) } };
      expect(other.tarball.integrity).not.toBe(p.tarball.integrity);
      await putVersion({ registry: settings.registry, token: services.DEPLOYFORGE_TEST_NPM_TOKEN }, p.name, publishDocument(settings, other, '1.0.0'),
        { key: `${p.name}-1.0.0.tgz`, path: other.tarball.path, size: other.tarball.size });
    }
    const before = proxy.writes().length;
    const { outcome } = await spoke(fx);
    expect(outcome.status, outcome.detail).toBe('skipped');
    expect(outcome.existence?.detail).toContain('compressed differently');
    expect(proxy.writes().length).toBe(before);
  });

  test('an interrupted run (some per-target packages published) resumes: only the missing ones are written', async () => {
    const name = uniqueName('df-npm-resume');
    const fx = await fixture(config(name, proxy.url));
    const ctx = fx.context({ env: { NPM_TOKEN: services.DEPLOYFORGE_TEST_NPM_TOKEN } });
    const settings = resolveNpmSettings(ctx, NPM_FLAVOR);
    const [first] = await packNpmPackages(ctx, planNpmPackages(ctx, settings), npm.render(ctx));
    await putVersion({ registry: settings.registry, token: services.DEPLOYFORGE_TEST_NPM_TOKEN }, first!.name, publishDocument(settings, first!, '1.0.0'),
      { key: `${first!.name}-1.0.0.tgz`, path: first!.tarball.path, size: first!.tarball.size });

    const before = proxy.writes().length;
    const { outcome } = await spoke(fx);
    expect(outcome.existence?.state).toBe('absent');
    expect(outcome.existence?.detail).toBe('1 of 5 packages already published with identical content; 4 still to publish');
    expect(outcome.status, outcome.detail).toBe('published');
    expect(outcome.detail).toContain('4 of 5 package(s) published');
    expect(proxy.writes().length - before).toBe(4);
  });

  test('dry run renders every package and writes nothing', async () => {
    const name = uniqueName('df-npm-dry');
    const fx = await fixture(config(name, proxy.url));
    const before = proxy.writes().length;
    const { outcome } = await spoke(fx, { dryRun: true });
    expect(outcome.status).toBe('dry-run');
    expect(outcome.existence?.state).toBe('absent');
    expect(outcome.files).toContain(`${name}/bin/forge-demo.js`);
    expect(outcome.files).toContain(`${name}-windows-x64/package.json`);
    expect(proxy.writes().length).toBe(before);
    expect(await packument(name)).toBeUndefined();
  });

  test('a bad token fails clearly and never shows the token', async () => {
    const name = uniqueName('df-npm-badtoken');
    const fx = await fixture(config(name, proxy.url));
    const { outcome, log } = await spoke(fx, { token: CANARY });
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/HTTP 40[13]/);
    expect(outcome.detail).toContain('the registry did not accept NPM_TOKEN');
    const everything = JSON.stringify(outcome) + log.lines.join('\n');
    expect(everything).not.toContain(CANARY);
    expect(await packument(name)).toBeUndefined();
  });

  test('no credential at all: failed, naming the secrets to set', async () => {
    const fx = await fixture(config(uniqueName('df-npm-nocred'), proxy.url));
    const ctx = fx.context({ env: {} });
    const outcome = await publishSpoke({ key: 'npm', platform: npm, ctx, redact: createRedactor([]) });
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toContain('no credential: set NPM_TOKEN or NODE_AUTH_TOKEN');
  });

  test('a prerelease goes to dist-tag next and leaves latest alone', async () => {
    const fx = await fixture(config(PKG, proxy.url), '1.1.0-rc.1');
    const { outcome } = await spoke(fx);
    expect(outcome.status, outcome.detail).toBe('published');
    expect(outcome.detail).toContain('dist-tag next');
    const main = await packument(PKG);
    expect(main?.['dist-tags']).toMatchObject({ latest: '1.0.0', next: '1.1.0-rc.1' });
    expect((await packument(`${PKG}-linux-x64`))?.['dist-tags']).toMatchObject({ latest: '1.0.0', next: '1.1.0-rc.1' });
  });

  test('status reads latest; rollback moves latest back on every package, once', async () => {
    const fx = await fixture(config(PKG, proxy.url), '1.1.0');
    expect((await spoke(fx)).outcome.status).toBe('published');
    const ctx = fx.context({ env: { NPM_TOKEN: services.DEPLOYFORGE_TEST_NPM_TOKEN } });
    expect((await npm.status(ctx)).latest).toBe('1.1.0');

    const rolled = await npm.rollback!(ctx, '1.0.0');
    expect(rolled.status, rolled.detail).toBe('published');
    expect(rolled.detail).toBe('moved dist-tag latest to 1.0.0 on 5 package(s)');
    expect((await npm.status(ctx)).latest).toBe('1.0.0');
    for (const name of [PKG, ...targetNames]) expect((await packument(name))?.['dist-tags'].latest).toBe('1.0.0');
    const { output } = await installAndRun(PKG);
    expect(output.trim()).toBe('forge-demo 1.0.0 (linux-x64)');

    const before = proxy.writes().length;
    const again = await npm.rollback!(ctx, '1.0.0');
    expect(again.status).toBe('skipped');
    expect(proxy.writes().length).toBe(before);
    expect((await npm.rollback!(ctx, '9.9.9')).status).toBe('failed');
  });

  test('status of a package that was never published says so', async () => {
    const fx = await fixture(config(uniqueName('df-npm-none'), proxy.url));
    const live = await npm.status(fx.context());
    expect(live.latest).toBeUndefined();
    expect(live.detail).toMatch(/is not on http:\/\/127\.0\.0\.1/);
  });

  test('an unreachable registry is "unknown" with the reason, and publishing fails without crashing', async () => {
    const fx = await fixture(config(uniqueName('df-npm-down'), 'http://127.0.0.1:9/'));
    const { outcome } = await spoke(fx);
    expect(outcome.existence?.state).toBe('unknown');
    expect(outcome.existence?.detail).toMatch(/could not read the packuments on http:\/\/127\.0\.0\.1:9\/.*ECONNREFUSED/);
    expect(outcome.status).toBe('failed');
  });
});

describe('github-packages spoke (registry pointed at verdaccio)', () => {
  const scope = `@${uniqueName('dfgh')}`;
  const pkg = `${scope}/forge-demo`;
  const ghConfig = () => `
project: { name: forge-demo, license: MIT, repository: acme/forge-demo, description: Scoped demo }
build: { binary: forge-demo, targets: ${TARGETS} }
platforms:
  github-packages:
    scope: '${scope}'
    registry: ${proxy.url}
`;

  test('publishes the scoped packages with GITHUB_TOKEN; npm installs and runs them; re-run is identical', async () => {
    const gh = (await loadPlatform('github-packages'))!;
    const fx = await fixture(ghConfig());
    const before = proxy.writes().length;
    const { outcome } = await spoke(fx, { platform: gh });
    expect(outcome.status, outcome.detail).toBe('published');
    const writes = proxy.writes().slice(before);
    expect(writes).toHaveLength(5);
    expect(writes.at(-1)?.path).toBe(`/${scope}%2fforge-demo`);
    expect((await packument(pkg))?.versions['1.0.0']?.optionalDependencies).toHaveProperty(`${pkg}-linux-x64`, '1.0.0');

    const { output } = await installAndRun(pkg);
    expect(output.trim()).toBe('forge-demo 1.0.0 (linux-x64)');

    const again = await spoke(fx, { platform: gh });
    expect(again.outcome.status).toBe('skipped');
    expect(proxy.writes().length).toBe(before + 5);
  });

  test('a bad GITHUB_TOKEN fails clearly without showing it', async () => {
    const gh = (await loadPlatform('github-packages'))!;
    const fx = await fixture(ghConfig().replace(scope, `${scope}x`));
    const { outcome, log } = await spoke(fx, { platform: gh, token: CANARY });
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toContain('GITHUB_TOKEN');
    expect(JSON.stringify(outcome) + log.lines.join('\n')).not.toContain(CANARY);
  });
});
