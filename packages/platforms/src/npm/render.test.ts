import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { ConfigurationError } from '@deployforge/diagnostics';
import { exampleConfig, renderContext } from '../../../../test/fixtures/npm/example-context.js';
import { repoRoot } from '../../../../test/helpers/repo-root.js';
import type { RenderedFile } from '../platform.js';
import { GITHUB_PACKAGES_FLAVOR, NPM_FLAVOR } from './npm-settings.js';
import { renderNpmFiles } from './render.js';

// SchemaStore's package.json schema, which $refs nine other schemas: add them first (shared/schemas/README.md).
const schemas = join(repoRoot, '../shared/schemas/npm');
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const ref of readdirSync(join(schemas, 'refs'))) ajv.addSchema(JSON.parse(readFileSync(join(schemas, 'refs', ref), 'utf8')) as object);
const validatePackageJson = ajv.compile(JSON.parse(readFileSync(join(schemas, 'package.json'), 'utf8')) as object);

const text = (f: RenderedFile) => (typeof f.contents === 'string' ? f.contents : Buffer.from(f.contents).toString('utf8'));
const manifests = (files: RenderedFile[]) =>
  files.filter((f) => f.path.endsWith('/package.json')).map((f) => JSON.parse(text(f)) as Record<string, any>);

const cases = [
  ['rust-cli', 'npm', NPM_FLAVOR],
  ['rust-cli', 'github-packages', GITHUB_PACKAGES_FLAVOR],
  ['go-cli', 'npm', NPM_FLAVOR],
  ['go-cli', 'github-packages', GITHUB_PACKAGES_FLAVOR],
] as const;

describe.each(cases)('examples/%s, %s', (example, _id, flavor) => {
  const ctx = renderContext(exampleConfig(example));
  const files = renderNpmFiles(ctx, flavor);

  test('snapshot of every rendered file', () => {
    expect(files.map((f) => ({ path: f.path, mode: f.mode?.toString(8), contents: text(f) }))).toMatchSnapshot();
  });

  test('every package.json validates against the SchemaStore schema', () => {
    for (const manifest of manifests(files)) {
      const ok = validatePackageJson(manifest);
      expect(ok, `${manifest.name}: ${ajv.errorsText(validatePackageJson.errors)}`).toBe(true);
    }
  });

  test('the launcher package pins one per-target package per archive, each with os/cpu (and libc on Linux)', () => {
    const all = manifests(files);
    const main = all.at(-1)!;
    const targets = all.slice(0, -1);
    expect(targets).toHaveLength(ctx.config.build.targets.length);
    expect(main.optionalDependencies).toEqual(Object.fromEntries(targets.map((t) => [t.name, '1.2.3'])));
    expect(main.bin).toEqual({ [ctx.config.build.binary!]: `bin/${ctx.config.build.binary}.js` });
    expect(files.some((f) => f.path === `${main.name}/bin/${ctx.config.build.binary}.js` && f.mode === 0o755)).toBe(true);
    expect(main.scripts).toBeUndefined();
    for (const t of targets) {
      expect(t.name.startsWith(`${main.name}-`)).toBe(true);
      expect(t.os).toHaveLength(1);
      expect(t.cpu).toHaveLength(1);
      // Both examples build glibc for every Linux CPU they build musl for.
      if (t.os[0] === 'linux') expect(t.libc).toEqual([t.name.endsWith('-musl') ? 'musl' : 'glibc']);
      else expect(t.libc).toBeUndefined();
      for (const key of ['license', 'homepage', 'repository', 'version'] as const) expect(t[key]).toEqual(main[key]);
    }
  });

  test('pure: renders the same files twice and never touches the assets', () => {
    expect(renderNpmFiles(ctx, flavor)).toEqual(files);
  });
});

describe('names and metadata', () => {
  const base = `
project: { name: shimmy, description: Tiny, license: Apache-2.0, repository: acme/shimmy }
build: { targets: [linux-x64, windows-arm64] }
platforms:
`;
  const mainOf = (files: RenderedFile[]) => manifests(files).at(-1)!;

  test('defaults: package = project.name, binary = project.name, repository-derived homepage', () => {
    const main = mainOf(renderNpmFiles(renderContext(`${base}  npm: {}\n`), NPM_FLAVOR));
    expect(main).toMatchObject({
      name: 'shimmy', version: '1.2.3', description: 'Tiny', license: 'Apache-2.0',
      homepage: 'https://github.com/acme/shimmy#readme',
      repository: { type: 'git', url: 'git+https://github.com/acme/shimmy.git' },
      bin: { shimmy: 'bin/shimmy.js' },
      optionalDependencies: { 'shimmy-linux-x64': '1.2.3', 'shimmy-windows-arm64': '1.2.3' },
    });
  });

  test('npm scope prefixes the default name; a prerelease is pinned exactly', () => {
    const main = mainOf(renderNpmFiles(renderContext(`${base}  npm: { scope: '@acme' }\n`, '2.0.0-rc.1'), NPM_FLAVOR));
    expect(main.name).toBe('@acme/shimmy');
    expect(main.optionalDependencies).toEqual({ '@acme/shimmy-linux-x64': '2.0.0-rc.1', '@acme/shimmy-windows-arm64': '2.0.0-rc.1' });
  });

  test('github-packages defaults to <scope>/<project.name>', () => {
    const main = mainOf(renderNpmFiles(renderContext(`${base}  github-packages: { scope: '@acme' }\n`), GITHUB_PACKAGES_FLAVOR));
    expect(main.name).toBe('@acme/shimmy');
  });

  test('a package outside its scope is a configuration error naming the key and the fix', () => {
    const ctx = renderContext(`${base}  github-packages: { scope: '@acme', package: '@other/shimmy' }\n`);
    expect(() => renderNpmFiles(ctx, GITHUB_PACKAGES_FLAVOR)).toThrow(ConfigurationError);
    expect(() => renderNpmFiles(ctx, GITHUB_PACKAGES_FLAVOR)).toThrow('platforms.github-packages.package: "@other/shimmy" is not under the scope "@acme"; use "@acme/shimmy"');
  });

  test('the Windows package carries the .exe and the launcher looks for it', () => {
    const files = renderNpmFiles(renderContext(`${base}  npm: {}\n`), NPM_FLAVOR);
    const win = manifests(files).find((m) => m.name === 'shimmy-windows-arm64')!;
    expect(win).toMatchObject({ os: ['win32'], cpu: ['arm64'], files: ['bin/shimmy.exe', 'README.md'] });
    expect(text(files.find((f) => f.path === 'shimmy/bin/shimmy.js')!)).toContain('"shimmy-windows-arm64",\n      "shimmy.exe"');
  });

  test('a musl build without a glibc sibling has no libc field, so glibc machines install it too', () => {
    const ctx = renderContext(base.replace('[linux-x64, windows-arm64]', '[linux-x64, linux-x64-musl, linux-arm64-musl]') + '  npm: {}\n');
    const byName = Object.fromEntries(manifests(renderNpmFiles(ctx, NPM_FLAVOR)).map((m) => [m.name, m]));
    expect(byName['shimmy-linux-x64']?.libc).toEqual(['glibc']);
    expect(byName['shimmy-linux-x64-musl']?.libc).toEqual(['musl']);
    expect(byName['shimmy-linux-arm64-musl']?.libc).toBeUndefined();
    expect(byName['shimmy-linux-arm64-musl']).toMatchObject({ os: ['linux'], cpu: ['arm64'] });
  });
});
