import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONFIGS, exampleContext } from '../aur/example-contexts.js';
import { chocolateyPackage } from './chocolatey-package.js';
import { feedRoot } from './feed-url.js';
import { buildNupkg, nupkgHash } from './nupkg.js';
import { NUSPEC_NAMESPACE } from './nuspec.js';
import { toNugetVersion } from './nuget-version.js';
import { inModeration, parseFeedEntry } from './odata-entry.js';
import { renderChocolatey } from './render.js';

const text = (c: string | Uint8Array): string => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
const examples = Object.keys(EXAMPLE_CONFIGS) as (keyof typeof EXAMPLE_CONFIGS)[];

// Chocolatey's nuspec XSD has `{0}` where the namespace goes (schemas/README.md): validate with the
// namespace we write, using libxml2's xmllint (Debian libxml2-utils).
const scratch = mkdtempSync(join(tmpdir(), 'df-choco-xsd-'));
const xsd = join(scratch, 'chocolatey-nuspec.xsd');
writeFileSync(xsd, readFileSync('/work/shared/schemas/chocolatey/chocolatey-nuspec.xsd', 'utf8').replaceAll('{0}', NUSPEC_NAMESPACE));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function validateNuspec(xml: string): void {
  const file = join(scratch, `n${Math.random().toString(36).slice(2)}.nuspec`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: 'pipe' });
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    throw new Error(`xmllint (apt-get install libxml2-utils) rejected the nuspec: ${e.stderr?.toString() ?? e.message}`);
  }
}

describe('Chocolatey render', () => {
  describe.each(examples)('%s', (example) => {
    it.each(['1.2.3', '2.0.0-rc.1'])('files for %s, nuspec valid against the Chocolatey XSD', (version) => {
      const files = renderChocolatey(exampleContext(example, version));
      for (const f of files) expect(text(f.contents)).toMatchSnapshot(f.path);
      validateNuspec(text(files[0]!.contents));
    });
  });

  it('zips to the same bytes every time (the feed compares PackageHash)', async () => {
    const a = await buildNupkg(renderChocolatey(exampleContext('rust-cli')));
    const b = await buildNupkg(renderChocolatey(exampleContext('rust-cli')));
    expect(nupkgHash(a)).toBe(nupkgHash(b));
    const other = await buildNupkg(renderChocolatey(exampleContext('rust-cli', '1.2.4')));
    expect(nupkgHash(other)).not.toBe(nupkgHash(a));
  });

  it('escapes XML in metadata and still validates', () => {
    const ctx = exampleContext('go-cli');
    ctx.config.project.description = 'Fast & <small> "tool"';
    const nuspec = text(renderChocolatey(ctx)[0]!.contents);
    expect(nuspec).toContain('<description>Fast &amp; &lt;small&gt; &quot;tool&quot;</description>');
    validateNuspec(nuspec);
  });

  it('uses only x64 when arm64 is not built, and fails without a Windows target', () => {
    const ctx = exampleContext('rust-cli');
    ctx.config.build.targets = ['linux-x64', 'windows-x64'];
    const script = text(renderChocolatey(ctx)[1]!.contents);
    expect(script).not.toContain('ARM64');
    ctx.config.build.targets = ['linux-x64'];
    expect(() => renderChocolatey(ctx)).toThrow(/no Windows target/);
  });

  it.each([
    ['https://push.chocolatey.org/', 'https://push.chocolatey.org'],
    ['http://localhost:8624/api/v2/package', 'http://localhost:8624'],
    ['https://feed.example/nuget/api/v2/', 'https://feed.example/nuget'],
  ])('reads the feed root from source %s', (source, root) => {
    const ctx = exampleContext('rust-cli');
    ctx.config.platforms.chocolatey = { ...ctx.config.platforms.chocolatey, source };
    expect(feedRoot(ctx)).toBe(root);
  });
});

describe('toNugetVersion', () => {
  it.each([
    ['1.2.3', '1.2.3'],
    ['1.2.3+build.7', '1.2.3'],
    ['2.0.0-rc.1', '2.0.0-rc1'],
    ['2.0.0-beta.2.1', '2.0.0-beta2-1'],
    ['2.0.0-alpha', '2.0.0-alpha'],
    ['2.0.0-1.2', '2.0.0-pre1-2'],
  ])('%s → %s', (semver, nuget) => {
    expect(toNugetVersion(semver)).toBe(nuget);
  });

  it('refuses labels NuGet 2 cannot hold', () => {
    expect(() => toNugetVersion('1.0.0-averyveryverylongprerelease.1')).toThrow(/20 characters/);
  });

  it('is what the package carries', () => {
    expect(chocolateyPackage(exampleContext('go-cli', '2.0.0-rc.1')).version).toBe('2.0.0-rc1');
  });
});

describe('feed entries', () => {
  const entry = (props: string): string =>
    `<entry><title type="text">shimmy</title><m:properties><d:Version>1.0.0</d:Version>${props}</m:properties></entry>`;
  it('reads hash, approval and moderation status', () => {
    const p = parseFeedEntry(entry('<d:PackageHash>abc+/=</d:PackageHash><d:PackageHashAlgorithm>SHA512</d:PackageHashAlgorithm><d:IsApproved m:type="Edm.Boolean">false</d:IsApproved><d:PackageStatus>Submitted</d:PackageStatus>'));
    expect(p).toEqual({ id: 'shimmy', version: '1.0.0', packageHash: 'abc+/=', packageHashAlgorithm: 'SHA512', isApproved: false, packageStatus: 'Submitted' });
    expect(inModeration(p)).toBe(true);
  });
  it('treats approved and exempted versions as live, and null properties as absent', () => {
    expect(inModeration(parseFeedEntry(entry('<d:IsApproved m:type="Edm.Boolean">true</d:IsApproved><d:PackageStatus>Approved</d:PackageStatus>')))).toBe(false);
    expect(inModeration(parseFeedEntry(entry('<d:IsApproved m:type="Edm.Boolean">false</d:IsApproved><d:PackageStatus>Exempted</d:PackageStatus>')))).toBe(false);
    expect(parseFeedEntry(entry('<d:PackageHash m:null="true" />')).packageHash).toBeUndefined();
  });
});
