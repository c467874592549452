import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseConfig } from './parse-config.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = `${root}test/fixtures/good-configs/`;

/** `# enabled: npm, pypi` (or `(none)`) on the first line: the platforms the file turns on, in catalog order. */
function enabledOf(text: string): string[] {
  const match = /^# enabled: (.*)$/m.exec(text);
  if (!match) throw new Error('good config without an "# enabled:" line');
  return match[1] === '(none)' ? [] : match[1]!.split(',').map((s) => s.trim());
}

const fixtures = readdirSync(dir).filter((f) => f.endsWith('.yml')).sort();

describe('good configs', () => {
  test.each(fixtures)('%s parses and enables the right platforms', (name) => {
    const text = readFileSync(`${dir}${name}`, 'utf8');
    const loaded = parseConfig(text, name);
    expect(loaded.file).toBe(name);
    expect(loaded.enabledPlatforms).toEqual(enabledOf(text));
  });

  test('the minimal config gets every default', () => {
    const { config, enabledPlatforms } = parseConfig('project:\n  name: shimmy\n', 'deployforge.yml');
    expect(enabledPlatforms).toEqual([]);
    expect(config).toEqual({
      project: { name: 'shimmy' },
      version: { from: 'tag', 'tag-prefix': 'v' },
      build: { targets: ['linux-x64', 'linux-arm64', 'macos-x64', 'macos-arm64', 'windows-x64'], files: [] },
      release: { 'draft-until-complete': true, checksums: true, notes: 'generate', attest: true, sbom: true, sign: false },
      required: [],
      workflow: { environment: 'release', 'runs-on': 'ubuntu-latest', 'timeout-minutes': {} },
      status: { pages: false, issues: false },
      platforms: {},
    });
  });

  test('empty platform blocks are on, with each platform default filled in', () => {
    const text = readFileSync(`${dir}empty-blocks.yml`, 'utf8');
    const { config } = parseConfig(text, 'empty-blocks.yml');
    expect(config.platforms).toEqual({
      npm: { registry: 'https://registry.npmjs.org/', access: 'public', provenance: true },
      // No index default: it is derived from repository where it is read (pypiIndexUrl).
      pypi: { repository: 'https://upload.pypi.org/legacy/' },
      crates: { path: '.', registry: 'crates-io', index: 'sparse+https://index.crates.io/' },
      aur: { package: 'shimmy-bin', remote: 'ssh://aur@aur.archlinux.org/shimmy-bin.git' },
      vscode: { path: '.', marketplace: true, 'open-vsx': true },
    });
  });

  test('defaults fill the gaps and never overwrite what the file says', () => {
    const text = readFileSync(`${dir}every-platform.yml`, 'utf8');
    const { config } = parseConfig(text, 'every-platform.yml');
    expect(config.version).toEqual({ from: 'file:dist/VERSION', 'tag-prefix': 'shimmy/v' });
    expect(config.workflow).toEqual({ environment: 'production', 'runs-on': 'ubuntu-24.04', 'node-version': 22, 'timeout-minutes': {} });
    expect(config.platforms.npm?.access).toBe('restricted');
    expect(config.platforms.docker?.tags).toEqual(['{version}', '{major}.{minor}', 'v{major}', 'latest']);
    expect(config.platforms.snap).toMatchObject({ channel: ['edge', '2.x/beta'], confinement: 'classic', grade: 'devel' });
    expect(config.platforms.aur).toEqual({ package: 'shimmy-cli-bin', remote: 'ssh://aur@aur.archlinux.org/shimmy-cli-bin.git' });
    expect(config.platforms.custom?.mirror).toEqual({ run: 'rsync -a "$DEPLOYFORGE_ASSETS"/ mirror:/srv/shimmy/', environment: 'mirror', env: {} });
    expect(config.platforms.custom?.['docs-site']?.env).toEqual({ DOCS_BUCKET: 's3://acme-docs', _DEBUG: '1' });
  });

  test('each parse gets its own defaults (no shared mutable default objects)', () => {
    const a = parseConfig('project: { name: a }\n', 'a.yml');
    a.config.build.targets.push('windows-arm64');
    a.config.build.files.push('README.md');
    const b = parseConfig('project: { name: b }\n', 'b.yml');
    expect(b.config.build.targets).toHaveLength(5);
    expect(b.config.build.files).toEqual([]);
  });

  test('locate maps key paths back to the file, and falls back to the nearest written ancestor', () => {
    const text = readFileSync(`${dir}contract-example.yml`, 'utf8');
    const loaded = parseConfig(text, 'deployforge.yml');
    expect(loaded.locate(['project', 'name'])).toEqual({ line: 5, column: 9 });
    expect(loaded.locate(['platforms', 'winget', 'package-id'])).toEqual({ line: 32, column: 29 });
    expect(loaded.locate(['build', 'targets', 1])).toEqual({ line: 16, column: 24 });
    // release.attest is a default, not written: the nearest written place is the `release:` key.
    expect(loaded.locate(['release', 'attest'])).toEqual({ line: 19, column: 1 });
    expect(loaded.locate(['workflow', 'environment'])).toEqual({ line: 4, column: 1 }); // no workflow block: the top mapping
  });

  test.each(['examples/rust-cli/deployforge.yml', 'examples/go-cli/deployforge.yml'])('the shipped example %s is valid', (path) => {
    let text: string;
    try {
      text = readFileSync(`${root}${path}`, 'utf8');
    } catch {
      return; // the examples belong to another part of the tree; their absence is not this package's failure
    }
    expect(parseConfig(text, path).enabledPlatforms.length).toBeGreaterThan(0);
  });
});
