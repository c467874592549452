import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLE_CONFIGS, exampleContext } from '../aur/example-contexts.js';
import { installerDigests } from './installer-digests.js';
import { wingetManifestProblems } from './manifest-schema-check.js';
import { renderWinget } from './render.js';
import { packageFolder } from './winget-package.js';

const text = (c: string | Uint8Array): string => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
const examples = Object.keys(EXAMPLE_CONFIGS) as (keyof typeof EXAMPLE_CONFIGS)[];

describe('Winget render', () => {
  describe.each(examples)('%s', (example) => {
    it.each(['1.2.3', '2.0.0-rc.1'])('three manifests for %s, valid against the 1.10.0 schemas', (version) => {
      const files = renderWinget(exampleContext(example, version));
      expect(files).toHaveLength(3);
      for (const f of files) {
        expect(wingetManifestProblems(text(f.contents))).toEqual([]);
        expect(text(f.contents)).toMatchSnapshot(f.path);
      }
    });
  });

  it('puts the files where winget-pkgs keeps them', () => {
    const paths = renderWinget(exampleContext('rust-cli')).map((f) => f.path);
    expect(paths).toEqual([
      'manifests/a/Acme/HelloForge/1.2.3/Acme.HelloForge.yaml',
      'manifests/a/Acme/HelloForge/1.2.3/Acme.HelloForge.installer.yaml',
      'manifests/a/Acme/HelloForge/1.2.3/Acme.HelloForge.locale.en-US.yaml',
    ]);
    expect(packageFolder('Acme.Shimmy.Cli')).toBe('manifests/a/Acme/Shimmy/Cli');
  });

  it('writes uppercase digests per architecture and the portable alias', () => {
    const ctx = exampleContext('go-cli');
    const installer = parse(text(renderWinget(ctx)[1]!.contents)) as Record<string, unknown>;
    expect(installer).toMatchObject({
      InstallerType: 'zip',
      NestedInstallerType: 'portable',
      NestedInstallerFiles: [{ RelativeFilePath: 'hello-forge-go.exe', PortableCommandAlias: 'hello-forge-go' }],
    });
    const x64 = ctx.assets.find((a) => a.target === 'windows-x64')!;
    expect(installer.Installers).toContainEqual({ Architecture: 'x64', InstallerUrl: x64.url, InstallerSha256: x64.sha256.toUpperCase() });
  });

  it('reads digests back, including one hoisted to the root', () => {
    expect(installerDigests('InstallerSha256: abc\nInstallers:\n- Architecture: x64\n- Architecture: arm64\n  InstallerSha256: DEF\n')).toEqual(['arm64=DEF', 'x64=ABC']);
  });

  it('fails without a Windows target', () => {
    const ctx = exampleContext('rust-cli');
    ctx.config.build.targets = ['linux-x64'];
    expect(() => renderWinget(ctx)).toThrow(/no Windows target/);
  });
});
