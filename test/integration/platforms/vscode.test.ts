import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import { loadPlatform, type Platform } from '@deployforge/platforms';
import { publishSpoke } from '@deployforge/publish';
import type { ResolvedVersion } from '@deployforge/version';
import { startExtensionStoreFake, type ExtensionStoreFake } from '../../fakes/vscode/index.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { repoRoot } from '../../helpers/repo-root.js';

// The real vsce (createVSIX) packages the example extension; the publish path talks HTTP to an
// in-process fake of both stores (no store is reachable from here), Open VSX through ovsx's client.
const MARKETPLACE_PAT = 'vsce_pat_canary_5c1d9e0a7b3f';
const OVSX_TOKEN = 'ovsx_token_canary_8e2b4a6c0d1f';
const exampleDir = join(repoRoot, 'examples/rust-cli');
const examplePackage = join(exampleDir, 'editors/vscode/package.json');

const CONFIG = `
project: { name: hello-forge, repository: acme/hello-forge }
build: { targets: [linux-x64] }
platforms:
  vscode: { path: editors/vscode }
`;

let fx: ReleaseFixture;
let stores: ExtensionStoreFake;
let vscode: Platform;

beforeAll(async () => {
  fx = await createReleaseFixture(CONFIG, '1.3.0');
  stores = await startExtensionStoreFake({ marketplacePat: MARKETPLACE_PAT, openVsxToken: OVSX_TOKEN });
  vscode = (await loadPlatform('vscode'))!;
});
afterAll(async () => {
  await stores?.close();
  await fx?.close();
});

const at = (version: string): ResolvedVersion => ({ ...fx.version, version, tag: `v${version}` });

function spoke(options: { version?: string; dryRun?: boolean; marketplacePat?: string; ovsxToken?: string } = {}) {
  const log = createMemoryLogger();
  const base = fx.context({
    log,
    dryRun: options.dryRun ?? false,
    env: {
      DEPLOYFORGE_CONFIG_DIR: exampleDir,
      DEPLOYFORGE_VSCE_MARKETPLACE_URL: stores.marketplaceUrl,
      DEPLOYFORGE_OVSX_URL: stores.openVsxUrl,
      VSCE_PAT: options.marketplacePat ?? MARKETPLACE_PAT,
      OVSX_PAT: options.ovsxToken ?? OVSX_TOKEN,
    },
  });
  const ctx = options.version ? { ...base, version: at(options.version) } : base;
  return { log, ctx, run: () => publishSpoke({ key: 'vscode', platform: vscode, ctx, redact: createRedactor([MARKETPLACE_PAT, OVSX_TOKEN, 'wrong_vsce_canary_123456', 'wrong_ovsx_canary_654321']) }) };
}

describe('vscode spoke', () => {
  test('createVSIX packages the example extension with the release version, leaving the user\'s package.json alone', async () => {
    const before = readFileSync(examplePackage, 'utf8');
    const { packageVsix } = await import('../../../packages/platforms/src/vscode/package-vsix.js');
    const { readExtensionManifest } = await import('../../../packages/platforms/src/vscode/extension-manifest.js');
    const folder = join(exampleDir, 'editors/vscode');
    const vsix = await packageVsix({ folder, manifest: await readExtensionManifest(folder), version: '1.3.0', workDir: mkdtempSync(join(tmpdir(), 'df-vsix-')), log: createMemoryLogger() });
    const listing = execFileSync('unzip', ['-l', vsix], { encoding: 'utf8' });
    expect(listing).toContain('extension/package.json');
    expect(listing).toContain('extension.vsixmanifest');
    expect(listing).toContain('extension/extension.js');
    expect(JSON.parse(execFileSync('unzip', ['-p', vsix, 'extension/package.json'], { encoding: 'utf8' })).version).toBe('1.3.0');
    expect(execFileSync('unzip', ['-p', vsix, 'extension.vsixmanifest'], { encoding: 'utf8' })).toMatch(/<Identity [^>]*Id="hello-forge"[^>]*Version="1.3.0"[^>]*Publisher="acme"/);
    expect(readFileSync(examplePackage, 'utf8')).toBe(before);
  });

  test('a dry run asks both stores and uploads nothing', async () => {
    const outcome = await spoke({ dryRun: true }).run();
    expect(outcome.status, outcome.detail).toBe('dry-run');
    expect(outcome.existence?.state).toBe('absent');
    expect(stores.writes).toEqual({ marketplace: 0, openVsx: 0 });
  });

  test('first publish reaches both stores; the second is identical and writes nothing', async () => {
    const first = await spoke().run();
    expect(first.status, first.detail).toBe('published');
    expect(stores.writes).toEqual({ marketplace: 1, openVsx: 1 });
    for (const store of [stores.marketplace, stores.openVsx]) {
      const [stored] = store.get('acme.hello-forge')!;
      expect(stored).toMatchObject({ publisher: 'acme', name: 'hello-forge', version: '1.3.0' });
      expect(stored!.entries).toContain('extension/package.json');
    }
    expect(stores.requests).toContain('POST /marketplace/_apis/gallery/extensions');
    expect(stores.requests).toContain('POST /openvsx/api/-/publish');

    const second = await spoke().run();
    expect(second.status).toBe('skipped');
    expect(second.existence).toMatchObject({ state: 'identical' });
    expect(stores.writes).toEqual({ marketplace: 1, openVsx: 1 });
  });

  test('a newer version updates the existing Marketplace extension (PUT) and both stores list it', async () => {
    const outcome = await spoke({ version: '1.4.0' }).run();
    expect(outcome.status, outcome.detail).toBe('published');
    expect(stores.requests).toContain('PUT /marketplace/_apis/gallery/publishers/acme/extensions/hello-forge');
    expect(await vscode.status(spoke().ctx)).toMatchObject({ latest: '1.4.0' });
  });

  test('refused tokens fail with what to create, and neither token appears anywhere', async () => {
    const bad = spoke({ version: '1.5.0', marketplacePat: 'wrong_vsce_canary_123456', ovsxToken: 'wrong_ovsx_canary_654321' });
    const outcome = await bad.run();
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toContain('VS Code Marketplace refused VSCE_PAT');
    expect(outcome.detail).toContain('Open VSX refused OVSX_PAT');
    expect(outcome.detail).toContain('Marketplace (Manage) scope');
    const text = JSON.stringify(outcome) + bad.log.lines.join('\n');
    for (const secret of ['wrong_vsce_canary_123456', 'wrong_ovsx_canary_654321', MARKETPLACE_PAT, OVSX_TOKEN]) expect(text).not.toContain(secret);
    expect(stores.writes).toEqual({ marketplace: 2, openVsx: 2 });
  });

  test('a missing token is named before anything is packaged', async () => {
    const { ctx } = spoke({ version: '1.6.0' });
    const result = await vscode.publish({ ...ctx, env: { ...ctx.env, OVSX_PAT: undefined } }, vscode.render(ctx));
    expect(result).toMatchObject({ status: 'failed' });
    expect(result.detail).toContain('OVSX_PAT is not set');
  });

  test('a prerelease version is refused with the Marketplace rule', () => {
    const { ctx } = spoke({ version: '2.0.0-rc.1' });
    expect(() => vscode.render(ctx)).toThrow('accepts only major.minor.patch');
  });
});
