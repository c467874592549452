import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConfigurationError } from '@deployforge/diagnostics';
import { exampleFixture } from '../git-remote/test-support.js';
import type { ReleaseFixture } from '../../../../test/helpers/release-fixture.js';
import type { PlatformContext } from '../platform.js';
import { buildPackages } from './build-packages.js';
import { packageSettings } from './package-settings.js';
import { renderLinuxPackages } from './render.js';

describe('linux-packages render (the rust example with a linux-packages block)', () => {
  let fx: ReleaseFixture;
  beforeAll(async () => {
    fx = await exampleFixture('rust-cli');
  });
  afterAll(async () => {
    await fx?.close();
  });

  const ctxWith = (block: Record<string, unknown>, project: Record<string, unknown> = {}, version?: string): PlatformContext => {
    const base = fx.context();
    return {
      ...base,
      ...(version ? { version: { ...base.version, version } } : {}),
      config: { ...base.config, project: { ...base.config.project, ...project }, platforms: { ...base.config.platforms, 'linux-packages': { repository: 'acme/packages', ...block } as never } },
    };
  };

  it('one control file per package: gnu builds for deb/rpm (amd64+arm64), musl for apk', () => {
    const files = renderLinuxPackages(ctxWith({ formats: ['deb', 'rpm', 'apk'], depends: { deb: ['libc6 (>= 2.31)'] } }));
    expect(files.map((f) => f.path)).toEqual([
      'deb/hello-forge_0.1.0-1_amd64.deb.control', 'deb/hello-forge_0.1.0-1_arm64.deb.control',
      'rpm/x86_64.spec-summary', 'rpm/aarch64.spec-summary',
      'apk/x86_64/.PKGINFO', 'apk/aarch64/.PKGINFO',
    ].map((p) => p.replace('0.1.0', fx.version.version)));
    const control = String(files[0]!.contents);
    expect(control).toContain('Package: hello-forge\n');
    expect(control).toContain('Architecture: amd64\n');
    expect(control).toContain('Maintainer: Acme <dev@acme.test>\n');
    expect(control).toContain('Depends: libc6 (>= 2.31)\n');
    expect(control).toMatch(/^Description: A tiny greeter used to demonstrate DeployForge releases\n [^\n]+\n [^\n]+\n$/m);
    expect(String(files[4]!.contents)).toContain('pkgname = hello-forge\n');
  });

  it('refuses a project without a maintainer, and an apk build of a prerelease apk cannot order (exit-2 errors naming the key)', () => {
    const noMaintainer = (() => { try { renderLinuxPackages(ctxWith({}, { maintainer: undefined })); } catch (e) { return e; } })();
    expect(isConfigurationError(noMaintainer)).toBe(true);
    expect(String(noMaintainer)).toContain('platforms.linux-packages.maintainer');
    const badApk = (() => { try { renderLinuxPackages(ctxWith({ formats: ['apk'] }, {}, '1.0.0-foo.1')); } catch (e) { return e; } })();
    expect(isConfigurationError(badApk)).toBe(true);
    expect(String(badApk)).toContain('platforms.linux-packages.formats');
  });

  it('builds the same bytes twice (what makes a re-run identical)', async () => {
    // Two contexts (two runs): buildPackages remembers its result per context.
    const [one, two] = [ctxWith({ formats: ['deb', 'rpm', 'apk'] }), ctxWith({ formats: ['deb', 'rpm', 'apk'] })];
    const a = await buildPackages(one, packageSettings(one));
    const b = await buildPackages(two, packageSettings(two));
    expect(a).not.toBe(b);
    expect(a.map((x) => x.pkg.sha256)).toEqual(b.map((x) => x.pkg.sha256));
    expect(new Set(a.map((x) => x.pkg.sha256)).size).toBe(6);
  });
});
