import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformContext, RenderedFile } from '@deployforge/platforms';
import { renderFlathub } from '../../../packages/platforms/src/flathub/render.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { requireClient } from '../../helpers/real-clients.js';
import { run } from '../../helpers/services.js';

// The Flathub files checked by the Flatpak ecosystem's own tools from Debian bookworm: `appstreamcli
// validate` (appstream 0.16) on the AppStream metainfo Flathub requires of every app, and
// flatpak-builder (1.2) reading the manifest (`--show-manifest`) and fetching its sources from the local
// release with their sha256s checked (`--download-only`; no runtime can be installed here, so no build).
// flatpak-builder leaves `.flatpak-builder/` behind, so everything runs in temp folders.

const APP = 'io.github.acme.HelloFlat';
const CONFIG = `
project:
  name: hello-flat
  description: Says hello from a Flatpak.
  homepage: https://hello-flat.example.test/
  license: MIT OR Apache-2.0
  repository: acme/hello-flat
  maintainer: Acme Tools <dev@acme.test>
build: { binary: hello-flat, targets: [linux-x64, linux-arm64, macos-arm64] }
platforms:
  flathub: { app-id: ${APP} }
`;

let fx: ReleaseFixture;
const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  requireClient('appstreamcli', 'appstream');
  requireClient('flatpak-builder', 'flatpak-builder');
  fx = await createReleaseFixture(CONFIG, '1.4.0-rc.1');
});
afterAll(async () => {
  await fx?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function writeAll(files: readonly RenderedFile[]): string {
  const dir = tempDir('df-flathub-repo-');
  for (const f of files) writeFileSync(join(dir, f.path), f.contents);
  return dir;
}

const withMetainfo = (ctx: PlatformContext, metainfo: string, configDir: string): PlatformContext => ({
  ...ctx,
  env: { ...ctx.env, DEPLOYFORGE_CONFIG_DIR: configDir },
  config: { ...ctx.config, platforms: { ...ctx.config.platforms, flathub: { 'app-id': APP, metainfo } } },
});

describe('Flathub files against appstreamcli and flatpak-builder', () => {
  it('renders a metainfo that appstreamcli validates, with this release and its date', async () => {
    const ctx = fx.context({ env: { SOURCE_DATE_EPOCH: '1764547200' } });
    const repo = writeAll(renderFlathub(ctx));
    const file = join(repo, `${APP}.metainfo.xml`);
    expect(existsSync(file), 'the metainfo Flathub requires is rendered').toBe(true);
    const validated = await run('appstreamcli', ['validate', '--no-net', '--no-color', file]);
    expect(validated.code, validated.stdout + validated.stderr).toBe(0);
    const xml = readFileSync(file, 'utf8');
    expect(xml).toContain(`<id>${APP}</id>`);
    expect(xml).toContain('<project_license>MIT OR Apache-2.0</project_license>');
    expect(xml).toContain('<summary>Says hello from a Flatpak</summary>');
    expect(xml).toContain('<url type="homepage">https://hello-flat.example.test/</url>');
    expect(xml).toContain('<release version="1.4.0-rc.1" date="2025-12-01" type="development"/>');
    expect(xml).toContain('<binary>hello-flat</binary>');
    expect(xml).toContain('<name>Acme Tools</name>');
  });

  it('flatpak-builder reads the manifest, installs the metainfo, and downloads every source with its sha256', async () => {
    const repo = writeAll(renderFlathub(fx.context()));
    const manifestPath = join(repo, `${APP}.yml`);
    const shown = await run('flatpak-builder', ['--show-manifest', manifestPath], { cwd: repo });
    expect(shown.code, shown.stderr).toBe(0);
    const manifest = JSON.parse(shown.stdout) as { id: string; modules: { sources: { type: string; path?: string; url?: string; sha256?: string }[]; 'build-commands': string[] }[] };
    expect(manifest.id).toBe(APP);
    const module = manifest.modules[0]!;
    expect(module.sources).toContainEqual({ type: 'file', path: `${APP}.metainfo.xml` });
    expect(module['build-commands']).toContain(`install -Dm644 ${APP}.metainfo.xml -t /app/share/metainfo`);

    for (const arch of ['x86_64', 'aarch64']) {
      const state = tempDir('df-flatpak-state-');
      const fetched = await run('flatpak-builder', ['--download-only', `--arch=${arch}`, '--state-dir', state, join(state, 'build'), manifestPath], { cwd: repo, timeoutMs: 120_000 });
      expect(fetched.code, fetched.stderr).toBe(0);
      expect(fetched.stderr).not.toMatch(/Wrong checksum|Failed to download/i);
    }

    // The download really happens and is checked: a manifest with a wrong sha256 fails.
    const sha = fx.assets.find((a) => a.target === 'linux-x64')!.sha256;
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace(sha, '0'.repeat(64)));
    const state = tempDir('df-flatpak-state-');
    const refused = await run('flatpak-builder', ['--download-only', '--arch=x86_64', '--state-dir', state, join(state, 'build'), manifestPath], { cwd: repo, timeoutMs: 120_000 });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/checksum/i);
  });

  it('uses the user\'s own metainfo file as it is, and refuses one for another app id', async () => {
    const configDir = tempDir('df-flathub-config-');
    const own = readFileSync(join(writeAll(renderFlathub(fx.context({ env: { SOURCE_DATE_EPOCH: '1700000000' } }))), `${APP}.metainfo.xml`), 'utf8')
      .replace(/<!--[^>]*-->\n/, '<!-- maintained by hand -->\n')
      .replace(/<p>[^<]*<\/p>/, '<p>Says hello from a Flatpak, written by a person who likes long descriptions.</p>');
    writeFileSync(join(configDir, 'my.metainfo.xml'), own);
    const files = renderFlathub(withMetainfo(fx.context(), 'my.metainfo.xml', configDir));
    expect(files.find((f) => f.path === `${APP}.metainfo.xml`)?.contents).toBe(own);
    const validated = await run('appstreamcli', ['validate', '--no-net', '--no-color', join(configDir, 'my.metainfo.xml')]);
    expect(validated.code, validated.stdout).toBe(0);

    writeFileSync(join(configDir, 'other.metainfo.xml'), own.replace(`<id>${APP}</id>`, '<id>org.example.Other</id>'));
    expect(() => renderFlathub(withMetainfo(fx.context(), 'other.metainfo.xml', configDir))).toThrow(/platforms\.flathub\.metainfo: other\.metainfo\.xml has <id>org\.example\.Other<\/id>/);
    expect(() => renderFlathub(withMetainfo(fx.context(), 'missing.xml', configDir))).toThrow(/platforms\.flathub\.metainfo: cannot read .*missing\.xml: ENOENT/);
  });
});
