import { describe, expect, it } from 'vitest';
import { toPkgver } from './aur-package.js';
import { EXAMPLE_CONFIGS, exampleContext } from './example-contexts.js';
import { normaliseSshKey } from './ssh-key.js';
import { renderAur, renderAurFiles } from './render.js';
import { parseSrcinfo } from './srcinfo.js';

const text = (c: string | Uint8Array): string => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));

describe('AUR render', () => {
  describe.each(Object.keys(EXAMPLE_CONFIGS) as (keyof typeof EXAMPLE_CONFIGS)[])('%s', (example) => {
    it.each(['1.2.3', '2.0.0-rc.1'])('PKGBUILD and .SRCINFO for %s', (version) => {
      const files = renderAur(exampleContext(example, version));
      expect(files.map((f) => f.path)).toEqual(['PKGBUILD', '.SRCINFO']);
      for (const f of files) expect(text(f.contents)).toMatchSnapshot(f.path);
    });
  });

  it('keeps PKGBUILD and .SRCINFO in step, field for field', () => {
    const [pkgbuild, srcinfo] = renderAurFiles(exampleContext('rust-cli', '2.0.0-rc.1'), 3).map((f) => text(f.contents)) as [string, string];
    const base = parseSrcinfo(srcinfo)[0]!;
    expect(base).toMatchObject({ kind: 'pkgbase', name: 'hello-forge-bin' });
    const get = (k: string) => base.fields.filter(([key]) => key === k).map(([, v]) => v);
    expect(get('pkgver')).toEqual(['2.0.0rc1']);
    expect(get('pkgrel')).toEqual(['3']);
    expect(pkgbuild).toContain('pkgver=2.0.0rc1\npkgrel=3\n');
    for (const arch of get('arch')) {
      const sum = get(`sha256sums_${arch}`)[0]!;
      expect(pkgbuild).toContain(`sha256sums_${arch}=('${sum}')`);
    }
    // makepkg's layout: tab-indented fields, an empty line between sections, pkgname last and nothing after it.
    expect(srcinfo).toMatch(/^pkgbase = hello-forge-bin\n(\t[a-z0-9_]+ = .+\n)+\npkgname = hello-forge-bin\n$/);
  });

  it('installs a license shipped in the archive', () => {
    const pkgbuild = text(renderAur(exampleContext('go-cli'))[0]!.contents);
    expect(pkgbuild).toContain('install -Dm644 "$srcdir/LICENSE" "$pkgdir/usr/share/licenses/$pkgname/LICENSE"');
  });

  it('quotes descriptions with shell metacharacters', () => {
    const ctx = exampleContext('rust-cli');
    ctx.config.project.description = `It's "$(rm -rf /)" safe`;
    const pkgbuild = text(renderAur(ctx)[0]!.contents);
    expect(pkgbuild).toContain(`pkgdesc='It'\\''s "$(rm -rf /)" safe'`);
  });

  it('refuses versions pacman cannot take', () => {
    expect(toPkgver('1.2.3-beta.1')).toBe('1.2.3beta1');
    expect(() => toPkgver('1.2.3-1')).toThrow(/starts with a digit/);
    expect(() => toPkgver('1.2.3:4')).toThrow(/pkgver/);
  });

  it('fails clearly when no Linux target is built', () => {
    const ctx = exampleContext('rust-cli');
    ctx.config.build.targets = ['windows-x64'];
    expect(() => renderAur(ctx)).toThrow(/no Linux target/);
  });
});

describe('normaliseSshKey', () => {
  const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\nBBBB\n-----END OPENSSH PRIVATE KEY-----\n';
  it.each([
    ['CRLF', key.replace(/\n/g, '\r\n')],
    ['no final newline', key.trimEnd()],
    ['surrounding blank lines', `\n\n${key}\n\n`],
    ['literal \\n escapes', key.trimEnd().replace(/\n/g, '\\n')],
    ['indented lines', key.replace(/\n/g, '\n  ')],
  ])('repairs %s', (_what, mangled) => {
    expect(normaliseSshKey(mangled)).toBe(key);
  });
});
