import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import type { PlatformContext } from '@deployforge/platforms';
import { publishSpoke } from '@deployforge/publish';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { saysAlreadyPublished } from '../../../packages/platforms/src/crates/already-published.js';
import { cratesPlatform } from '../../../packages/platforms/src/crates/index.js';
import { startCratesFake, type CratesFake } from '../../fakes/crates/index.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { clientEnv, run, runOk } from '../../helpers/services.js';
import { repoRoot } from '../../helpers/repo-root.js';

// The crates spoke runs the real `cargo publish` against the in-process registry fake (sparse
// index + publish API), publishing a copy of examples/rust-cli as registry `local`.
const TOKEN = 'cio-deployforge-test-token-0123456789abcdef';
const CANARY = 'cio-CANARY-c4n4ry-must-never-appear-987654321';

let registry: CratesFake;
let fx: ReleaseFixture;
let root = '';

/** A copy of the example crate under `root/<folder>` with the given version (and source tweak). */
function crateCopy(folder: string, version: string, greeting?: string): void {
  const dir = join(root, folder);
  for (const f of ['Cargo.toml', 'Cargo.lock', 'README.md', 'LICENSE', 'src']) cpSync(join(repoRoot, 'examples/rust-cli', f), join(dir, f), { recursive: true });
  const toml = readFileSync(join(dir, 'Cargo.toml'), 'utf8').replace(/^version = ".*"$/m, `version = "${version}"`);
  writeFileSync(join(dir, 'Cargo.toml'), toml);
  const lock = readFileSync(join(dir, 'Cargo.lock'), 'utf8').replace(/(name = "hello-forge"\nversion = )".*"/, `$1"${version}"`);
  writeFileSync(join(dir, 'Cargo.lock'), lock);
  if (greeting) {
    const main = join(dir, 'src', 'main.rs');
    writeFileSync(main, readFileSync(main, 'utf8').replace('Hello, {name}!', `${greeting}, {name}!`));
  }
}

beforeAll(async () => {
  registry = await startCratesFake({ token: TOKEN });
  root = mkdtempSync(join(tmpdir(), 'df-crates-'));
  crateCopy('crate', '0.1.0');
  fx = await createReleaseFixture(
    [
      'project: { name: hello-forge, repository: acme/hello-forge }',
      'build: { targets: [linux-x64] }',
      'release: { notes: none }',
      `platforms: { crates: { package: hello-forge, path: crate, registry: local, index: "sparse+${registry.indexUrl}" } }`,
      '',
    ].join('\n'),
    '0.1.0',
  );
});
afterAll(async () => {
  await fx?.close();
  await registry?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

function contextFor(options: { token?: string; dryRun?: boolean; folder?: string; version?: string; log?: ReturnType<typeof createMemoryLogger> } = {}): PlatformContext {
  const ctx = fx.context({
    env: { DEPLOYFORGE_CONFIG_DIR: root, CARGO_REGISTRIES_LOCAL_TOKEN: options.token ?? TOKEN },
    dryRun: options.dryRun ?? false,
    ...(options.log ? { log: options.log } : {}),
  });
  const crates = { ...ctx.config.platforms!.crates!, ...(options.folder ? { path: options.folder } : {}) };
  return {
    ...ctx,
    version: { ...ctx.version, ...(options.version ? { version: options.version, tag: `v${options.version}` } : {}) },
    config: { ...ctx.config, platforms: { ...ctx.config.platforms, crates } },
  };
}

const spoke = (ctx: PlatformContext, secrets: string[] = [TOKEN]) =>
  publishSpoke({ key: 'crates', platform: cratesPlatform, ctx, redact: createRedactor(secrets) });

const cargoClientEnv = (extra: Record<string, string> = {}) =>
  clientEnv({ CARGO_REGISTRIES_LOCAL_INDEX: `sparse+${registry.indexUrl}`, CARGO_TERM_COLOR: 'never', ...extra });

describe('crates spoke against the Cargo registry fake', () => {
  test('first publish: cargo publish uploads, the index lists it, cargo install builds and runs it', async () => {
    const outcome = await spoke(contextFor());
    expect(outcome.status, outcome.detail).toBe('published');
    expect(registry.publishRequests()).toBe(1);
    const stored = registry.crates.get('hello-forge')!;
    expect(stored.map((c) => c.vers)).toEqual(['0.1.0']);
    expect(stored[0]!.cksum).toBe(createHash('sha256').update(stored[0]!.bytes).digest('hex'));

    // The real consumer: cargo resolves the crate from the sparse index, downloads it, checks cksum, builds.
    const installRoot = mkdtempSync(join(tmpdir(), 'df-cargo-install-'));
    try {
      await runOk('cargo', ['install', 'hello-forge', '--registry', 'local', '--root', installRoot, '--target-dir', join(installRoot, 'target')], {
        env: cargoClientEnv(), timeoutMs: 300_000,
      });
      expect(await runOk(join(installRoot, 'bin', 'hello-forge'), ['--version'])).toBe('hello-forge 0.1.0\n');
    } finally {
      rmSync(installRoot, { recursive: true, force: true });
    }
  }, 300_000);

  test('a second run finds the same cksum and writes nothing', async () => {
    const before = registry.publishRequests();
    const outcome = await spoke(contextFor());
    expect(outcome.status, outcome.detail).toBe('skipped');
    expect(outcome.existence).toMatchObject({ state: 'identical' });
    expect(outcome.existence?.detail).toMatch(/^cksum [0-9a-f]{64} matches the packaged crate$/);
    expect(registry.publishRequests()).toBe(before);
  }, 120_000);

  test('dry run: cargo publish --dry-run passes, nothing is uploaded', async () => {
    crateCopy('crate-dry', '0.2.0');
    const before = registry.publishRequests();
    const outcome = await spoke(contextFor({ dryRun: true, folder: 'crate-dry', version: '0.2.0' }));
    expect(outcome.status, outcome.detail).toBe('dry-run');
    expect(outcome.existence?.detail).toContain('cargo publish --dry-run passed');
    expect(outcome.files).toEqual(['cargo-publish.json']);
    expect(registry.publishRequests()).toBe(before);
    expect(registry.crates.get('hello-forge')!.map((c) => c.vers)).toEqual(['0.1.0']);
  }, 180_000);

  test('a bad token fails with a clear message, and the token appears nowhere', async () => {
    crateCopy('crate-canary', '0.3.0');
    const log = createMemoryLogger();
    const outcome = await spoke(contextFor({ token: CANARY, folder: 'crate-canary', version: '0.3.0', log }), [CANARY]);
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/local refused the token: check that CARGO_REGISTRIES_LOCAL_TOKEN/);
    expect(outcome.detail).toMatch(/authentication failed/);
    expect(JSON.stringify(outcome)).not.toContain(CANARY);
    expect(log.lines.join('\n')).not.toContain(CANARY);
    expect(registry.crates.get('hello-forge')!.map((c) => c.vers)).toEqual(['0.1.0']);
  }, 180_000);

  test('no token and no OIDC: failed before cargo runs', async () => {
    const ctx = contextFor({ folder: 'crate-canary', version: '0.3.0' });
    const outcome = await spoke({ ...ctx, env: { DEPLOYFORGE_CONFIG_DIR: root } });
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/no registry token: set CARGO_REGISTRIES_LOCAL_TOKEN or CARGO_REGISTRY_TOKEN/);
  });

  test('the same version from other source is different and refused', async () => {
    crateCopy('crate-changed', '0.1.0', 'Howdy');
    const before = registry.publishRequests();
    const outcome = await spoke(contextFor({ folder: 'crate-changed' }));
    expect(outcome.existence?.state).toBe('different');
    expect(outcome.status).toBe('failed');
    // The registry in use is named: this crate is not on crates.io.
    expect(outcome.detail).toContain('Cargo registry "local" never allows replacing a version');
    expect(outcome.detail).not.toContain('crates.io');
    expect(registry.publishRequests()).toBe(before);
  }, 120_000);

  test('a release whose version is not the one in Cargo.toml is refused, naming both', async () => {
    const outcome = await spoke(contextFor({ version: '9.9.9' }));
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/Cargo\.toml says 0\.1\.0, but the release is 9\.9\.9/);
  });

  test('both "already exists" wordings come from the real cargo and are recognised', async () => {
    const dir = join(root, 'crate');
    const env = cargoClientEnv({ CARGO_REGISTRIES_LOCAL_TOKEN: TOKEN, CARGO_TARGET_DIR: join(root, 'target-wording') });
    // Cargo's own pre-upload look at the index.
    const seen = await run('cargo', ['publish', '--registry', 'local', '--allow-dirty', '--no-verify'], { cwd: dir, env, timeoutMs: 120_000 });
    expect(seen.code).not.toBe(0);
    expect(seen.stderr).toMatch(/already exists on `?local`? index/);
    expect(saysAlreadyPublished(seen.stderr)).toBe(true);
    // A lagging index: cargo uploads, and the registry answers 200 with an errors array.
    registry.hideFromIndex('hello-forge', true);
    try {
      const refused = await run('cargo', ['publish', '--registry', 'local', '--allow-dirty', '--no-verify'], { cwd: dir, env, timeoutMs: 120_000 });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('crate version `0.1.0` is already uploaded');
      expect(saysAlreadyPublished(refused.stderr)).toBe(true);
    } finally {
      registry.hideFromIndex('hello-forge', false);
    }
  }, 180_000);

  test('status is the newest version that is not yanked; a yanked version is burned', async () => {
    crateCopy('crate-next', '0.4.0');
    const published = await spoke(contextFor({ folder: 'crate-next', version: '0.4.0' }));
    expect(published.status, published.detail).toBe('published');
    await expect(cratesPlatform.status(contextFor())).resolves.toMatchObject({ latest: '0.4.0' });

    const yank = await fetch(`${registry.url}/api/v1/crates/hello-forge/0.4.0/yank`, { method: 'DELETE', headers: { authorization: TOKEN } });
    expect(yank.status).toBe(200);
    await expect(cratesPlatform.status(contextFor())).resolves.toMatchObject({ latest: '0.1.0' });
    const outcome = await spoke(contextFor({ folder: 'crate-next', version: '0.4.0' }));
    expect(outcome.existence?.state).toBe('burned');
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/0\.4\.0 is yanked/);
  }, 240_000);
});
