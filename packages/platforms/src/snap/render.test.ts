import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '@deployforge/config';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { parseVersionInput } from '@deployforge/version';
import type { PlatformContext } from '../platform.js';
import { renderSnap } from './render.js';
import { SNAP_NAME_MAX, SNAP_SUMMARY_MAX, SNAP_VERSION_MAX } from './snap-settings.js';

const repo = join(import.meta.dirname, '../../../..');
// shared/ sits beside the repository (locally and in CI); it holds upstream snapcraft's schema.
const shared = process.env.DEPLOYFORGE_SHARED_DIR ?? join(repo, '..', 'shared');
const snapcraftSchema = JSON.parse(readFileSync(join(shared, 'schemas/snap/snapcraft.json'), 'utf8')) as { $defs: Record<string, { properties: Record<string, unknown> }> };

function ctx(yaml: string, version = '0.1.0'): PlatformContext {
  return {
    config: parseConfig(yaml, 'deployforge.yml').config,
    version: parseVersionInput(version, { tagPrefix: 'v', origin: 'test' }),
    assets: [],
    workDir: '/nonexistent',
    env: {},
    dryRun: true,
    force: false,
    log: createMemoryLogger(),
    fetchAsset: async () => { throw new Error('render must not fetch'); },
  };
}

const example = readFileSync(join(repo, 'examples/rust-cli/deployforge.yml'), 'utf8');
const goExample = readFileSync(join(repo, 'examples/go-cli/deployforge.yml'), 'utf8');
const classic = `
project: { name: big-tool, description: "${'A very long description that keeps going well past the seventy-eight characters the store allows'}" }
build: { targets: [linux-arm64-musl, windows-x64] }
platforms:
  snap: { channel: edge, confinement: classic, grade: devel }
`;

/** The snap.yaml fields that snapcraft.yaml also has, checked with upstream's schema for a core22 project. */
function validateAgainstSnapcraft(doc: Record<string, unknown>): string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema(snapcraftSchema, 'snapcraft');
  const validate = ajv.getSchema('snapcraft#/$defs/Core22Project')!;
  // A snapcraft.yaml needs parts; the built snap.yaml has none (the binary is already built).
  return validate({ ...doc, parts: {} }) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('renderSnap', () => {
  test.each([
    ['rust-cli example (every Linux target: gnu picked per arch)', example, '0.1.0'],
    ['go-cli example', goExample, '2.0.0-rc.1'],
    ['classic confinement, devel grade, musl only, long summary', classic, '1.10.0'],
  ])('%s', (_name, yaml, version) => {
    const files = renderSnap(ctx(yaml, version));
    expect(files).toMatchSnapshot();
    for (const file of files) {
      const doc = parse(file.contents as string) as Record<string, unknown>;
      expect(validateAgainstSnapcraft(doc), file.path).toEqual([]);
      expect(doc.architectures).toEqual([file.path.split('/')[0]]);
      expect(typeof doc.version).toBe('string');
      expect((doc.summary as string).length).toBeLessThanOrEqual(SNAP_SUMMARY_MAX);
    }
  });

  test('our length limits are the schema\'s', () => {
    const p = snapcraftSchema.$defs.Core22Project!.properties as Record<string, { maxLength?: number; anyOf?: { maxLength?: number }[] }>;
    expect(p.name!.maxLength).toBe(SNAP_NAME_MAX);
    expect(p.version!.anyOf![0]!.maxLength).toBe(SNAP_VERSION_MAX);
    expect(p.summary!.anyOf![0]!.maxLength).toBe(SNAP_SUMMARY_MAX);
  });

  test.each([
    ['a name with capitals', 'platforms:\n  snap: { name: MyTool, channel: stable }', '1.0.0', 'platforms.snap.name'],
    ['a devel grade on stable', 'platforms:\n  snap: { channel: [edge, stable], grade: devel }', '1.0.0', 'platforms.snap.grade'],
    ['no Linux target', 'platforms:\n  snap: { channel: stable }', '1.0.0', 'build.targets'],
    ['a version too long for the store', 'platforms:\n  snap: { channel: stable }', '1.0.0-rc.1234567890123456789012345', 'version'],
  ])('refuses %s naming the key', (_name, block, version, key) => {
    const targets = key === 'build.targets' ? '[macos-arm64]' : '[linux-x64]';
    const yaml = `project: { name: demo }\nbuild: { targets: ${targets} }\n${block}\n`;
    expect(() => renderSnap(ctx(yaml, version))).toThrow(`${key}:`);
  });
});
