import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePkgver, toPkgver } from '../../../packages/platforms/src/aur/pacman-version.js';
import { EXAMPLE_CONFIGS, exampleContext } from '../../../packages/platforms/src/aur/example-contexts.js';
import { renderAurFiles } from '../../../packages/platforms/src/aur/render.js';
import type { RenderedFile } from '../../../packages/platforms/src/platform.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { builderDir, requireClient, runAsBuilder } from '../../helpers/real-clients.js';
import { run, runOk } from '../../helpers/services.js';

// The AUR package checked by pacman's own tools (Debian's makepkg and pacman-package-manager, 6.0.2):
// `makepkg --printsrcinfo` must write our .SRCINFO byte for byte (the AUR reads only that file, and a
// regenerated one must not look changed), a full `makepkg` must download the release archive, check its
// sha256 and package a binary that runs, and `vercmp` must sort every prerelease before its final release.

const text = (c: string | Uint8Array): string => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));

function writeFiles(dir: string, files: readonly RenderedFile[]): void {
  // Written by root into the builder's directory; makepkg only reads them.
  for (const f of files) writeFileSync(join(dir, f.path), f.contents, { mode: 0o644 });
}

beforeAll(() => {
  requireClient('makepkg', 'makepkg');
  requireClient('vercmp', 'pacman-package-manager');
  requireClient('fakeroot', 'fakeroot');
  requireClient('bsdtar', 'libarchive-tools');
});

describe('makepkg --printsrcinfo writes our .SRCINFO byte for byte', () => {
  const cases = (Object.keys(EXAMPLE_CONFIGS) as (keyof typeof EXAMPLE_CONFIGS)[]).flatMap((example) =>
    ['1.2.3', '2.0.0-rc.1', '0.1.0-alpha'].map((version) => [example, version] as const),
  );
  it.each(cases)('%s %s', async (example, version) => {
    const files = renderAurFiles(exampleContext(example, version), 2);
    const dir = builderDir('df-makepkg-srcinfo-');
    writeFiles(dir, files);
    const result = await runAsBuilder('makepkg', ['--printsrcinfo'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(text(files.find((f) => f.path === '.SRCINFO')!.contents));
  });
});

describe('makepkg builds the rendered PKGBUILD from the local release', () => {
  let fx: ReleaseFixture;
  beforeAll(async () => {
    fx = await createReleaseFixture(
      `
project:
  name: hello-makepkg
  description: Says hello, built by makepkg
  license: MIT
  repository: acme/hello-makepkg
build:
  binary: hello-makepkg
  targets: [linux-x64, linux-arm64]
platforms:
  aur: {}
`,
      '0.3.0-rc.2',
    );
  });
  afterAll(async () => fx?.close());

  it('downloads the archive, checks its sha256sum, packages a binary that runs', async () => {
    const dir = builderDir('df-makepkg-build-');
    const files = renderAurFiles(fx.context(), 1);
    writeFiles(dir, files);
    // -d: no pacman database here to check depends against (there are none); --nosign: no key.
    const built = await runAsBuilder('makepkg', ['-d', '--nosign', '--noconfirm', '--noprogressbar'], { cwd: dir, timeoutMs: 120_000 });
    expect(built.code, built.stderr + built.stdout).toBe(0);
    expect(built.stderr + built.stdout).toContain('Validating source_x86_64 files with sha256sums');
    const pkgFile = readdirSync(dir).find((f) => /^hello-makepkg-bin-0\.3\.0rc2-1-x86_64\.pkg\.tar\./.test(f));
    expect(pkgFile, readdirSync(dir).join(', ')).toBeDefined();

    const listing = await runOk('bsdtar', ['-tf', join(dir, pkgFile!)]);
    expect(listing.split('\n')).toContain('usr/bin/hello-makepkg');
    const root = builderDir('df-makepkg-root-');
    await runOk('bsdtar', ['-xf', join(dir, pkgFile!), '-C', root]);
    expect((await runOk(join(root, 'usr/bin/hello-makepkg'), [])).trim()).toBe('hello-makepkg 0.3.0-rc.2 (linux-x64)');

    // A tampered checksum is refused by makepkg itself: the sha256sums we render are the ones it checks.
    const tampered = builderDir('df-makepkg-tampered-');
    const pkgbuild = text(files.find((f) => f.path === 'PKGBUILD')!.contents).replace(/sha256sums_x86_64=\('[0-9a-f]{64}'\)/, `sha256sums_x86_64=('${'0'.repeat(64)}')`);
    writeFileSync(join(tampered, 'PKGBUILD'), pkgbuild);
    const refused = await runAsBuilder('makepkg', ['-d', '--nosign', '--noconfirm', '--noprogressbar'], { cwd: tampered, timeoutMs: 120_000 });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr + refused.stdout).toMatch(/One or more files did not pass the validity check/);
  });
});

describe('vercmp sorts our pkgvers the way semver sorts the versions', () => {
  const vercmp = async (a: string, b: string): Promise<number> => Number((await runOk('vercmp', [a, b])).trim());

  it.each([
    ['0.1.0-rc.1', '0.1.0'],
    ['0.1.0-alpha', '0.1.0'],
    ['1.0.0-beta.2', '1.0.0'],
    ['2.3.4-rc.10', '2.3.4'],
    ['1.0.0-pre-release.1', '1.0.0'],
    ['1.0.0-RC.1', '1.0.0'],
  ])('%s-1 is older than %s-1', async (pre, final) => {
    expect(await vercmp(`${toPkgver(pre)}-1`, `${toPkgver(final)}-1`)).toBe(-1);
    expect(await vercmp(`${toPkgver(final)}-1`, `${toPkgver(pre)}-1`)).toBe(1);
  });

  it('a whole release sequence sorts in order, pair by pair', async () => {
    const sequence = ['0.9.9', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.2', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1-rc.1', '1.0.1', '1.1.0-rc.1', '1.1.0'];
    const pkgvers = sequence.map(toPkgver);
    for (let i = 1; i < pkgvers.length; i++) {
      expect(await vercmp(`${pkgvers[i - 1]}-1`, `${pkgvers[i]}-1`), `${sequence[i - 1]} → ${sequence[i]}`).toBe(-1);
    }
  });

  it('comparePkgver (the downgrade guard) agrees with vercmp', async () => {
    const versions = ['1.0.0', '1.0.0rc1', '1.0.0_rc.1', '1.0.0rc.1', '1.0.0rc10', '1.0.0.1', '1.0.0a', '1.0.0+b1', '1.0', '1.0.00', '01.0.0', '1.0.0beta2.1', '1.0.0beta2', '1.00.1', '2', 'a', '1..0'];
    for (const a of versions) {
      for (const b of versions) {
        expect(comparePkgver(a, b), `${a} vs ${b}`).toBe(await vercmp(a, b));
      }
    }
  });

  it('refuses a prerelease pacman cannot sort before its release', async () => {
    expect(() => toPkgver('1.0.0-1')).toThrow(/starts with a digit/);
    // What it would have to be, and why: pacman puts it after 1.0.0.
    expect((await run('vercmp', ['1.0.0.1', '1.0.0'])).stdout.trim()).toBe('1');
  });
});
