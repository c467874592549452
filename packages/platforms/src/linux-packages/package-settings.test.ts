import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConfigurationError } from '@deployforge/diagnostics';
import { exampleFixture } from '../git-remote/test-support.js';
import type { ReleaseFixture } from '../../../../test/helpers/release-fixture.js';
import type { PlatformContext } from '../platform.js';
import { buildPackages } from './build-packages.js';
import { packageSettings } from './package-settings.js';

describe('the settings of release.linux-packages (the rust example: 8 targets, deb, rpm and apk)', () => {
  let fx: ReleaseFixture;
  beforeAll(async () => {
    fx = await exampleFixture('rust-cli');
  });
  afterAll(async () => {
    await fx?.close();
  });

  const ctxWith = (project: Record<string, unknown> = {}, version?: string): PlatformContext => {
    const base = fx.context();
    return {
      ...base,
      ...(version ? { version: { ...base.version, version } } : {}),
      config: { ...base.config, project: { ...base.config.project, ...project } },
    };
  };
  const errorOf = (run: () => unknown): unknown => {
    try {
      run();
    } catch (e) {
      return e;
    }
    throw new Error('no error');
  };

  it('one package per format and architecture: gnu builds for deb/rpm, musl builds for apk; metadata from project', () => {
    const settings = packageSettings(ctxWith(), ['deb', 'rpm', 'apk']);
    expect(settings.jobs.map((j) => `${j.format} ${j.arch} ${j.target.id}`)).toEqual([
      'deb amd64 linux-x64', 'deb arm64 linux-arm64',
      'rpm x86_64 linux-x64', 'rpm aarch64 linux-arm64',
      'apk x86_64 linux-x64-musl', 'apk aarch64 linux-arm64-musl',
    ]);
    expect(settings).toMatchObject({ name: 'hello-forge', maintainer: 'Acme <dev@acme.test>', binary: 'hello-forge' });
    expect(settings.summary).toBe('A tiny greeter used to demonstrate DeployForge releases');
  });

  it('a missing maintainer, and apk for a prerelease apk cannot order, are exit-2 errors naming the key', () => {
    const noMaintainer = errorOf(() => packageSettings(ctxWith({ maintainer: undefined }), ['deb']));
    expect(isConfigurationError(noMaintainer)).toBe(true);
    expect(String(noMaintainer)).toContain('project.maintainer');
    const badApk = errorOf(() => packageSettings(ctxWith({}, '1.0.0-foo.1'), ['apk']));
    expect(isConfigurationError(badApk)).toBe(true);
    expect(String(badApk)).toContain('release.linux-packages');
    expect(() => packageSettings(ctxWith({}, '1.0.0-foo.1'), ['deb', 'rpm'])).not.toThrow();
  });

  it('builds the same bytes twice (what lets the apt and yum spokes check the release assets)', async () => {
    // Two contexts (two runs): buildPackages remembers its result per context.
    const [one, two] = [ctxWith(), ctxWith()];
    const a = await buildPackages(one, packageSettings(one, ['deb', 'rpm', 'apk']));
    const b = await buildPackages(two, packageSettings(two, ['deb', 'rpm', 'apk']));
    expect(a).not.toBe(b);
    expect(a.map((x) => x.pkg.sha256)).toEqual(b.map((x) => x.pkg.sha256));
    expect(new Set(a.map((x) => x.pkg.sha256)).size).toBe(6);
    // On one context, another set of formats is built for itself, not taken from what was built first.
    const debs = await buildPackages(one, packageSettings(one, ['deb']));
    expect(debs.map((x) => x.job.format)).toEqual(['deb', 'deb']);
  });
});
