import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import { loadPlatform, type Platform } from '@deployforge/platforms';
import { publishSpoke } from '@deployforge/publish';
import type { ResolvedVersion } from '@deployforge/version';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';

const CANARY_TOKEN = 'deploy_canary_secret_7f3a91c2';
const root = mkdtempSync(join(tmpdir(), 'df-custom-'));
const mirror = join(root, 'mirror');
const runs = join(root, 'runs.log');

// Real commands, real bash: a mirror that copies the release (the example's deploy), a script that
// prints the values it was given, one that fails echoing its token, and a check that breaks.
const CONFIG = `
project: { name: demo, repository: acme/demo }
build: { targets: [linux-x64, linux-arm64] }
platforms:
  custom:
    mirror:
      run: 'echo run >> "$RUNS"; mkdir -p "$MIRROR_DIR/$DEPLOYFORGE_VERSION" && cp -R "$DEPLOYFORGE_ASSETS_DIR"/. "$MIRROR_DIR/$DEPLOYFORGE_VERSION/" && echo "mirrored $DEPLOYFORGE_TAG"'
      check: 'test -f "$MIRROR_DIR/$DEPLOYFORGE_VERSION/SHA256SUMS" || exit 1'
      env: { MIRROR_DIR: '${mirror}', RUNS: '${runs}' }
    echo-values:
      run: 'printf %s "$DEPLOYFORGE_VERSION" > "$OUT/version"; env -0 > "$OUT/env"; pwd > "$OUT/pwd"'
      env: { OUT: '${root}' }
    leaky:
      run: 'echo "POST /deploy with token $DEPLOY_TOKEN" ; echo "401 Unauthorized: token $DEPLOY_TOKEN is invalid" >&2; exit 3'
      env: { DEPLOY_TOKEN: '${CANARY_TOKEN}' }
    broken-check:
      run: 'true'
      check: 'echo "cannot reach the mirror" >&2; exit 7'
`;

let fx: ReleaseFixture;
let custom: Platform;

beforeAll(async () => {
  fx = await createReleaseFixture(CONFIG, '1.4.0');
  custom = (await loadPlatform('custom'))!;
});
afterAll(async () => fx?.close());

function spoke(instance: string, options: { dryRun?: boolean; version?: ResolvedVersion; env?: Record<string, string> } = {}) {
  const log = createMemoryLogger();
  const base = fx.context({ instance, log, dryRun: options.dryRun ?? false, env: { DEPLOYFORGE_CONFIG_DIR: root, ...options.env } });
  const ctx = options.version ? { ...base, version: options.version } : base;
  return { log, run: () => publishSpoke({ key: `custom:${instance}`, platform: custom, ctx, redact: createRedactor([CANARY_TOKEN]) }) };
}

const runCount = () => (existsSync(runs) ? readFileSync(runs, 'utf8').split('\n').filter(Boolean).length : 0);

describe('custom command spoke', () => {
  test('first run deploys the verified release; the second is identical and runs nothing', async () => {
    const first = spoke('mirror');
    const outcome = await first.run();
    expect(outcome.status, outcome.detail).toBe('published');
    const deployed = join(mirror, '1.4.0');
    // Every file of the release (the SBOM too), each with the release's digest: the released
    // SHA256SUMS itself, not one of our own making.
    expect(readdirSync(deployed).sort()).toEqual(['SHA256SUMS', 'demo-1.4.0-linux-arm64.tar.gz', 'demo-1.4.0-linux-x64.tar.gz', 'demo-1.4.0.cdx.json']);
    expect(fx.assets.map((a) => a.name).sort()).toEqual(readdirSync(deployed).sort());
    for (const asset of fx.assets) expect(createHash('sha256').update(readFileSync(join(deployed, asset.name))).digest('hex'), asset.name).toBe(asset.sha256);
    const sums = readFileSync(join(deployed, 'SHA256SUMS'), 'utf8');
    for (const asset of fx.assets.filter((a) => a.name !== 'SHA256SUMS')) expect(sums).toContain(`${asset.sha256}  ${asset.name}`);
    expect(first.log.lines).toContain('info: [custom:mirror] mirrored v1.4.0');
    expect(runCount()).toBe(1);

    const second = await spoke('mirror').run();
    expect(second.status).toBe('skipped');
    expect(second.existence?.state).toBe('identical');
    expect(runCount()).toBe(1);
  });

  test('a dry run runs the check but never the command', async () => {
    const outcome = await spoke('echo-values', { dryRun: true }).run();
    expect(outcome.status).toBe('dry-run');
    expect(outcome.files).toEqual(['custom/echo-values/run.sh']);
    expect(existsSync(join(root, 'version'))).toBe(false);
  });

  test('hostile version text reaches the script as data, never as shell', async () => {
    const canary = join(root, `pwned-${process.pid}`);
    const hostile = `1.4.0$(touch ${canary})\`touch ${canary}-bt\`'"; touch ${canary}-semi\nsecond line`;
    const version: ResolvedVersion = { ...fx.version, version: hostile, tag: `v${hostile}` };
    const outcome = await spoke('echo-values', { version }).run();
    expect(outcome.status, outcome.detail).toBe('published');
    expect(readFileSync(join(root, 'version'), 'utf8')).toBe(hostile);
    for (const suffix of ['', '-bt', '-semi']) expect(existsSync(canary + suffix)).toBe(false);
  });

  test('the command sees only the documented environment, in the config directory', async () => {
    const outcome = await spoke('echo-values', { env: { GITHUB_TOKEN: 'ghs_not_for_custom_commands', SOME_RUNNER_VAR: 'x' } }).run();
    expect(outcome.status, outcome.detail).toBe('published');
    const names = readFileSync(join(root, 'env'), 'utf8').split('\0').filter(Boolean).map((l) => l.split('=')[0]);
    const bashOwn = new Set(['PWD', 'SHLVL', '_', 'OLDPWD']);
    expect(names.filter((n) => !bashOwn.has(n!)).sort()).toEqual([
      'DEPLOYFORGE_ASSETS', 'DEPLOYFORGE_ASSETS_DIR', 'DEPLOYFORGE_ASSET_LINUX_ARM64', 'DEPLOYFORGE_ASSET_LINUX_X64',
      'DEPLOYFORGE_PRERELEASE', 'DEPLOYFORGE_SHA256_LINUX_ARM64', 'DEPLOYFORGE_SHA256_LINUX_X64', 'DEPLOYFORGE_TAG',
      'DEPLOYFORGE_VERSION', 'HOME', 'OUT', 'PATH',
    ]);
    expect(readFileSync(join(root, 'pwd'), 'utf8').trim()).toBe(root);
  });

  test('a failing command is failed with its stderr, and its token never reaches the outcome or the log', async () => {
    const leaky = spoke('leaky');
    const outcome = await leaky.run();
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toContain('exited 3');
    expect(outcome.detail).toContain('401 Unauthorized: token *** is invalid');
    expect(JSON.stringify(outcome)).not.toContain(CANARY_TOKEN);
    expect(leaky.log.lines.join('\n')).not.toContain(CANARY_TOKEN);
    expect(leaky.log.lines).toContain('info: [custom:leaky] POST /deploy with token ***');
  });

  test('a check that neither says yes nor no is unknown, with what it printed', async () => {
    const ctx = fx.context({ instance: 'broken-check', env: { DEPLOYFORGE_CONFIG_DIR: root } });
    const existence = await custom.check(ctx);
    expect(existence.state).toBe('unknown');
    expect(existence.detail).toContain('exited 7');
    expect(existence.detail).toContain('cannot reach the mirror');
  });
});
