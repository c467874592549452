import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { sha256File } from '@deployforge/github';
import { withReleaseSbom, writeReleaseSbom } from '@deployforge/sbom';
import { validateSbom } from '@deployforge/sbom/validate';
import { repoRoot } from '../helpers/repo-root.js';

interface CdxComponent {
  type: string;
  name: string;
  group?: string;
  version?: string;
  purl?: string;
  hashes?: Array<{ alg: string; content: string }>;
  components?: CdxComponent[];
}
interface CdxBom {
  bomFormat: string;
  specVersion: string;
  serialNumber: string;
  metadata: { component: CdxComponent; timestamp?: string };
  components?: CdxComponent[];
}

/** Two stand-in archives with distinct bytes, as the build job would name them. */
function archives(name: string, version: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'df-sbom-archives-'));
  return ['linux-x64.tar.gz', 'windows-x64.zip'].map((suffix) => {
    const path = join(dir, `${name}-${version}-${suffix}`);
    writeFileSync(path, `archive ${suffix}\n`);
    return path;
  });
}

async function sbomFor(projectDir: string, files: string[], name = 'demo', version = '1.2.3') {
  const log = createMemoryLogger();
  const outDir = mkdtempSync(join(tmpdir(), 'df-sbom-out-'));
  const path = await writeReleaseSbom({ projectName: name, version, repository: 'acme/demo', tag: `v${version}`, projectDir, files, outDir, log });
  const text = readFileSync(path, 'utf8');
  return { path, text, bom: JSON.parse(text) as CdxBom, log };
}

const purls = (bom: CdxBom) => (bom.components ?? []).map((c) => c.purl);

async function expectSubjects(bom: CdxBom, files: string[]): Promise<void> {
  const subjects = bom.metadata.component.components ?? [];
  expect(subjects.map((s) => s.name)).toEqual(files.map((f) => f.split('/').pop()));
  for (const [i, file] of files.entries()) {
    expect(subjects[i]!.type).toBe('file');
    expect(subjects[i]!.hashes).toEqual([{ alg: 'SHA-256', content: await sha256File(file) }]);
  }
}

describe('SBOM of the examples', () => {
  test('examples/rust-cli (Cargo.lock): valid CycloneDX 1.6, the lockfile packages as pkg:cargo, the archives with their SHA-256', async () => {
    const files = archives('hello-forge', '0.1.0');
    const { path, text, bom } = await sbomFor(join(repoRoot, 'examples/rust-cli'), files, 'hello-forge', '0.1.0');
    expect(path.endsWith('hello-forge-0.1.0.cdx.json')).toBe(true);
    expect(await validateSbom(text)).toBeUndefined();
    expect(bom.specVersion).toBe('1.6');
    expect(purls(bom)).toEqual(['pkg:cargo/hello-forge@0.1.0']);
    expect(bom.metadata.component).toMatchObject({ type: 'application', name: 'hello-forge', version: '0.1.0', purl: 'pkg:github/acme/demo@v0.1.0' });
    await expectSubjects(bom, files);
  });

  test('examples/go-cli (go.mod): the main module as pkg:golang', async () => {
    const files = archives('hello-forge-go', '0.1.0');
    const { text, bom } = await sbomFor(join(repoRoot, 'examples/go-cli'), files, 'hello-forge-go', '0.1.0');
    expect(await validateSbom(text)).toBeUndefined();
    expect(purls(bom)).toEqual(['pkg:golang/example.com/hello-forge-go']);
    await expectSubjects(bom, files);
  });
});

describe('SBOM from lockfiles with dependencies', () => {
  test('Cargo.lock: registry crates carry their checksum as SHA-256; path crates are listed without one', async () => {
    const { text, bom } = await sbomFor(join(repoRoot, 'test/fixtures/sbom/cargo'), archives('demo', '1.2.3'));
    expect(await validateSbom(text)).toBeUndefined();
    expect(purls(bom)).toEqual(['pkg:cargo/anstyle@1.0.8', 'pkg:cargo/clap@4.5.16', 'pkg:cargo/shimmy-core@1.2.3', 'pkg:cargo/shimmy@1.2.3']);
    const clap = bom.components!.find((c) => c.name === 'clap')!;
    expect(clap.hashes).toEqual([{ alg: 'SHA-256', content: 'ed6719fffa43d0d87e5fd8caeab59be1554fb028cd30edc88fc4369b17971019' }]);
    expect(bom.components!.find((c) => c.name === 'shimmy-core')!.hashes).toBeUndefined();
  });

  test('go.mod: the main module and every require, direct and indirect, split into namespace and name', async () => {
    const { text, bom } = await sbomFor(join(repoRoot, 'test/fixtures/sbom/go'), archives('demo', '1.2.3'));
    expect(await validateSbom(text)).toBeUndefined();
    expect(purls(bom)).toEqual([
      'pkg:golang/github.com/acme/shimmy',
      'pkg:golang/github.com/inconshreveable/mousetrap@v1.1.0',
      'pkg:golang/github.com/spf13/cobra@v1.8.1',
      'pkg:golang/golang.org/x/sys@v0.24.0',
    ]);
    expect(bom.components!.find((c) => c.name === 'cobra')).toMatchObject({ group: 'github.com/spf13', version: 'v1.8.1' });
  });

  test('package-lock.json: installed packages (nested versions too) with SHA-512 from integrity; root and links left out', async () => {
    const { text, bom } = await sbomFor(join(repoRoot, 'test/fixtures/sbom/npm'), archives('demo', '1.2.3'));
    expect(await validateSbom(text)).toBeUndefined();
    expect(purls(bom)).toEqual(['pkg:npm/%40acme/shimmy-core@1.2.3', 'pkg:npm/%40octokit/rest@22.0.1', 'pkg:npm/semver@6.3.1', 'pkg:npm/semver@7.6.3']);
    const semver = bom.components!.find((c) => c.purl === 'pkg:npm/semver@7.6.3')!;
    expect(semver.hashes?.[0]?.alg).toBe('SHA-512');
    expect(semver.hashes?.[0]?.content).toMatch(/^[0-9a-f]{128}$/);
  });
});

describe('SBOM without a lockfile, determinism, and the hub step', () => {
  test('no lockfile: a subject-only SBOM, still valid, and a notice saying why', async () => {
    const files = archives('demo', '1.2.3');
    const { text, bom, log } = await sbomFor(mkdtempSync(join(tmpdir(), 'df-no-lock-')), files);
    expect(await validateSbom(text)).toBeUndefined();
    expect(bom.components ?? []).toEqual([]);
    await expectSubjects(bom, files);
    expect(log.lines.some((l) => l.startsWith('warning: SBOM: no Cargo.lock, go.mod or package-lock.json'))).toBe(true);
  });

  test('byte-stable: the same inputs give the same bytes (a re-run must not conflict with the uploaded SBOM); other archives another serial', async () => {
    const files = archives('demo', '1.2.3');
    const dir = join(repoRoot, 'test/fixtures/sbom/cargo');
    const first = await sbomFor(dir, files);
    const second = await sbomFor(dir, files);
    expect(second.text).toBe(first.text);
    expect(first.bom.metadata.timestamp).toBeUndefined();
    expect(first.bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    writeFileSync(files[0]!, 'other bytes\n');
    expect((await sbomFor(dir, files)).bom.serialNumber).not.toBe(first.bom.serialNumber);
  });

  test('the hub step: adds the SBOM; provenance bundles and signatures are not subjects; a user SBOM passes through; off adds nothing', async () => {
    const files = archives('demo', '1.2.3');
    const bundle = join(files[0]!, '..', 'demo-1.2.3.sigstore.json');
    writeFileSync(bundle, '{}\n');
    const log = createMemoryLogger();
    const options = { projectName: 'demo', version: '1.2.3', projectDir: join(repoRoot, 'test/fixtures/sbom/cargo'), log };

    const added = await withReleaseSbom(true, [...files, bundle], options);
    const sbomPath = added.files.at(-1)!;
    expect(added.files.slice(0, -1)).toEqual([...files, bundle]);
    expect(sbomPath.endsWith('/demo-1.2.3.cdx.json')).toBe(true);
    const bom = JSON.parse(readFileSync(sbomPath, 'utf8')) as CdxBom;
    expect(bom.metadata.component.components!.map((c) => c.name)).toEqual(['demo-1.2.3-linux-x64.tar.gz', 'demo-1.2.3-windows-x64.zip']);
    await added.cleanup();
    expect(() => readFileSync(sbomPath)).toThrow();

    const own = join(files[0]!, '..', 'demo.spdx.json');
    writeFileSync(own, '{}\n');
    expect((await withReleaseSbom(true, [...files, own], options)).files).toEqual([...files, own]);
    expect(log.lines).toContain('info: SBOM: uploading demo.spdx.json from the artifacts as is');
    expect((await withReleaseSbom(false, files, options)).files).toEqual(files);
  });

  test('a lockfile that cannot be parsed fails, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-bad-lock-'));
    writeFileSync(join(dir, 'package-lock.json'), '{ not json');
    await expect(sbomFor(dir, archives('demo', '1.2.3'))).rejects.toThrow(/SBOM: cannot read .*package-lock\.json/);
  });
});
