import { parseConfig } from '@deployforge/config';
import { SPOKE_IDS } from '@deployforge/catalog';
import { describe, expect, it } from 'vitest';
import type { DetectedProject } from './detected-project.js';
import { renderInitConfig } from './render-init-config.js';

function detected(overrides: Partial<DetectedProject>): DetectedProject {
  return {
    kind: 'unknown', manifest: undefined, name: 'shimmy', packageName: undefined, description: undefined,
    license: undefined, homepage: undefined, repository: undefined, binary: 'shimmy', versionSource: 'tag',
    version: undefined, entry: undefined, extraFiles: [], lockfile: false, action: false, ...overrides,
  };
}

/**
 * Turn every commented-out platform line (`  # npm: { … }`) back on, with the maintainer line the
 * Linux packages' comment says they need (what a user enabling them does too).
 */
function uncommentPlatforms(text: string): string {
  return text
    .replace(/^ {2}# ([a-z-]+: [[{].*)$/gm, '  $1')
    .replace(/^ {2}# (maintainer: [^#]*?)\s+#.*$/m, '  $1');
}

const kinds: Array<{ d: DetectedProject; enabled: string[]; from: string; command: RegExp | undefined; path: string | undefined }> = [
  {
    d: detected({ kind: 'rust', manifest: 'Cargo.toml', packageName: 'shimmy', versionSource: 'cargo', lockfile: true, license: 'MIT', repository: 'acme/shimmy' }),
    enabled: ['crates'], from: 'cargo',
    command: /cargo build --release --locked --target "\$DEPLOYFORGE_RUST_TARGET"/,
    path: 'target/${DEPLOYFORGE_RUST_TARGET}/release/shimmy',
  },
  {
    d: detected({ kind: 'go', manifest: 'go.mod', entry: './cmd/shimmy', repository: 'acme/shimmy' }),
    enabled: ['homebrew'], from: 'tag',
    command: /CGO_ENABLED=0 go build .*-o "dist\/\$DEPLOYFORGE_TARGET\/" \.\/cmd\/shimmy$/,
    path: 'dist/${DEPLOYFORGE_TARGET}/shimmy',
  },
  {
    d: detected({ kind: 'go', manifest: 'go.mod', entry: '.' }),
    enabled: [], from: 'tag', command: /go build/, path: 'dist/${DEPLOYFORGE_TARGET}/shimmy',
  },
  {
    d: detected({ kind: 'node', manifest: 'package.json', packageName: '@acme/shimmy', versionSource: 'package-json', entry: './bin/shimmy.js' }),
    enabled: ['npm'], from: 'package-json',
    command: /bun build \.\/bin\/shimmy\.js --compile --target "bun-\$\{DEPLOYFORGE_TARGET\/macos\/darwin\}"/,
    path: 'dist/${DEPLOYFORGE_TARGET}/shimmy',
  },
  {
    // The pypi block is written with mode: skip (a Python package publishes itself): not enabled.
    d: detected({ kind: 'python', manifest: 'pyproject.toml', packageName: 'Shimmy_Py', entry: 'shimmy.cli:main' }),
    enabled: [], from: 'tag',
    command: /-m PyInstaller --onefile --name shimmy --distpath "dist\/\$DEPLOYFORGE_TARGET"/,
    path: 'dist/${DEPLOYFORGE_TARGET}/shimmy',
  },
  {
    // Nothing says how it builds: no command naming a script that does not exist, a FILL IN instead.
    d: detected({ kind: 'unknown', extraFiles: ['README.md', 'LICENSE'] }),
    enabled: [], from: 'tag', command: undefined, path: undefined,
  },
];

describe('renderInitConfig', () => {
  it.each(kinds)('$d.kind ($enabled) renders a config that parseConfig accepts', ({ d, enabled, from, command, path }) => {
    const text = renderInitConfig(d);
    expect(text.startsWith('# yaml-language-server: $schema=')).toBe(true);
    const { config, enabledPlatforms } = parseConfig(text, 'deployforge.yml');
    expect(enabledPlatforms).toEqual(enabled);
    // Every platform needs an account, a secret or a repository the user may not have yet: a
    // required one would fail the first release, so init requires none.
    expect(config.required ?? []).toEqual([]);
    expect(text).toContain(`# required: [${enabled.length > 0 ? enabled.join(', ') : 'npm'}]`);
    // Uncommented as it stands, the example validates, or it says what must be enabled first.
    const uncommented = text.replace(/^# required: (\[[^\]]*\]).*$/m, 'required: $1');
    if (enabled.length > 0) expect(() => parseConfig(uncommented, 'deployforge.yml')).not.toThrow();
    else expect(text).toMatch(/^# required: \[npm\] +# a platform enabled under platforms: below \(npm is not yet\)$/m);
    expect(config.project.name).toBe('shimmy');
    expect(config.version?.from).toBe(from);
    if (command) expect(config.build?.command).toMatch(command);
    else expect(config.build?.command).toBeUndefined();
    expect(config.build?.path).toBe(path);
  });

  it('a project of unknown kind is told what to fill in', () => {
    const text = renderInitConfig(detected({ kind: 'unknown' }));
    expect(text).not.toContain('scripts/build.sh');
    expect(text).toMatch(/# FILL IN: .*\n.*\n.*until then `generate` and `release` stop and ask for them/);
    expect(text).toMatch(/^ {2}# command: /m);
  });

  it('attest and sbom comments say what the default is (both on) and how to turn them off', () => {
    const text = renderInitConfig(detected({ kind: 'rust', packageName: 'shimmy', versionSource: 'cargo' }));
    expect(text).toMatch(/^ {2}# attest: false {2}# .*on by default/m);
    expect(text).toMatch(/^ {2}# sbom: false {4}# .*by default/m);
    const { config } = parseConfig(text.replace(/^ {2}# (attest|sbom): false .*$/gm, '  $1: false'), 'deployforge.yml');
    expect(config.release).toMatchObject({ attest: false, sbom: false });
  });

  it('offers the installers its targets can use, commented out; uncommented they parse', () => {
    const text = renderInitConfig(detected({ kind: 'rust', packageName: 'shimmy', versionSource: 'cargo' }));
    expect(text).toMatch(/^ {2}# installers: \[sh, ps1\] {3}# install\.sh \/ install\.ps1 on the release/m);
    expect(parseConfig(text, 'deployforge.yml').config.release?.installers).toBeUndefined();
    const { config } = parseConfig(text.replace(/^ {2}# installers: (\[[^\]]*\]).*$/m, '  installers: $1'), 'deployforge.yml');
    expect(config.release?.installers).toEqual(['sh', 'ps1']);
  });

  it.each(kinds)('$d.kind: uncommenting every suggested platform still parses, with all of them on', ({ d }) => {
    const { enabledPlatforms } = parseConfig(uncommentPlatforms(renderInitConfig(d)), 'deployforge.yml');
    // A Python package's own pypi block says mode: skip (it publishes itself): that one stays off.
    expect(enabledPlatforms).toEqual(SPOKE_IDS.filter((id) => !(d.kind === 'python' && id === 'pypi')));
  });

  it('uses the manifest package name for the default registry and the repo owner in suggestions', () => {
    const text = renderInitConfig(detected({ kind: 'node', packageName: '@acme/shimmy', repository: 'Acme/shimmy' }));
    const { config } = parseConfig(uncommentPlatforms(text), 'deployforge.yml');
    expect(config.platforms?.npm?.package).toBe('@acme/shimmy');
    expect(config.platforms?.['github-packages']?.scope).toBe('@acme');
    expect(config.platforms?.homebrew?.tap).toBe('Acme/homebrew-tap');
    expect(config.platforms?.winget?.['package-id']).toBe('Acme.Shimmy');
    expect(config.project.repository).toBe('Acme/shimmy');
  });

  it('keeps awkward names valid everywhere (digits first, dots, quotes in the description)', () => {
    const d = detected({
      kind: 'rust', name: '3d.view', binary: '3d.view', packageName: undefined, repository: '42labs/3d.view',
      description: 'Say "hi": a # not-a-comment tool', versionSource: 'cargo',
    });
    const text = renderInitConfig(d);
    const { config, enabledPlatforms } = parseConfig(uncommentPlatforms(text), 'deployforge.yml');
    expect(config.project.description).toBe('Say "hi": a # not-a-comment tool');
    expect(enabledPlatforms).toHaveLength(SPOKE_IDS.length);
    // No [package] in Cargo.toml: crates is suggested, not enabled.
    expect(parseConfig(text, 'deployforge.yml').enabledPlatforms).toEqual([]);
  });

  it('lists every platform exactly once, either on or commented out', () => {
    // Within the platforms block: release.linux-packages (the packages on the release) is another key.
    const text = renderInitConfig(detected({ kind: 'rust', packageName: 'shimmy', versionSource: 'cargo' })).split(/^platforms:$/m)[1]!;
    for (const id of SPOKE_IDS) {
      const mentions = text.match(new RegExp(`^ {2}(?:# )?${id}:`, 'gm')) ?? [];
      expect(mentions, id).toHaveLength(1);
    }
  });
});
