import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '@deployforge/config';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { archiveName, type TargetId } from '@deployforge/targets';
import { parseVersionInput } from '@deployforge/version';
import type { PlatformContext, ReleaseAsset } from '../platform.js';
import { renderFlathub } from './render.js';

const repo = join(import.meta.dirname, '../../../..');
// shared/ sits beside the repository (locally and in CI); SchemaStore's flatpak-builder manifest schema.
const shared = process.env.DEPLOYFORGE_SHARED_DIR ?? join(repo, '..', 'shared');
const schema = JSON.parse(readFileSync(join(shared, 'schemas/flatpak/flatpak-manifest.json'), 'utf8')) as Record<string, unknown>;

function ctx(yaml: string, version: string): PlatformContext {
  const config = parseConfig(yaml, 'deployforge.yml').config;
  const v = parseVersionInput(version, { tagPrefix: config.version?.['tag-prefix'] ?? 'v', origin: 'test' });
  // Digests stand in for SHA256SUMS: fixed per target so the snapshot is stable.
  const assets: ReleaseAsset[] = (config.build?.targets ?? []).map((target: TargetId, i) => {
    const name = archiveName(config.project.name, v.version, target);
    return { name, target, size: 1000 + i, sha256: String(i + 1).repeat(64).slice(0, 64), url: `https://github.com/acme/x/releases/download/${v.tag}/${name}` };
  });
  return {
    config, version: v, assets, workDir: '/nonexistent', env: { SOURCE_DATE_EPOCH: '1764547200' }, dryRun: true, force: false, log: createMemoryLogger(),
    fetchAsset: async () => { throw new Error('render must not fetch'); },
  };
}

const validate = new Ajv({ strict: false, allErrors: true, validateSchema: false }).compile(schema);

describe('renderFlathub', () => {
  test.each([
    ['rust-cli example', readFileSync(join(repo, 'examples/rust-cli/deployforge.yml'), 'utf8'), '0.1.0'],
    ['one arch (musl only), no repository: flathub.json, no checker data', 'project: { name: tiny }\nbuild: { targets: [linux-arm64-musl] }\nplatforms:\n  flathub: { app-id: org.example.Tiny }\n', '3.0.0'],
  ])('%s', (_name, yaml, version) => {
    const files = renderFlathub(ctx(yaml, version));
    expect(files).toMatchSnapshot();
    const manifest = parse(files[0]!.contents as string);
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
  });

  test('the example manifest: runtime, command, one archive per arch with the release digests and the update bot', () => {
    const c = ctx(readFileSync(join(repo, 'examples/rust-cli/deployforge.yml'), 'utf8'), '0.1.0');
    const manifest = parse(renderFlathub(c)[0]!.contents as string);
    expect(manifest).toMatchObject({ 'app-id': 'io.github.acme.HelloForge', runtime: 'org.freedesktop.Platform', sdk: 'org.freedesktop.Sdk', command: 'hello-forge' });
    const sources = manifest.modules[0].sources.filter((s: { type: string }) => s.type === 'archive');
    expect(sources.map((s: { url: string }) => s.url.split('/').pop())).toEqual(['hello-forge-0.1.0-linux-x64.tar.gz', 'hello-forge-0.1.0-linux-arm64.tar.gz']);
    // The metainfo Flathub requires comes from the repository next to the manifest and is installed by id.
    expect(manifest.modules[0].sources.at(-1)).toEqual({ type: 'file', path: 'io.github.acme.HelloForge.metainfo.xml' });
    expect(manifest.modules[0]['build-commands']).toContain('install -Dm644 io.github.acme.HelloForge.metainfo.xml -t /app/share/metainfo');
    expect(sources[0].sha256).toBe(c.assets.find((a) => a.target === 'linux-x64')!.sha256);
    expect(sources[0]['x-checker-data']).toMatchObject({ type: 'json', url: 'https://api.github.com/repos/acme/hello-forge/releases/latest' });
  });

  test('the schema is not vacuous: a broken manifest fails it', () => {
    expect(validate({ 'app-id': 'x.y.Z', runtime: 5, modules: [{ name: 'm', sources: [{ type: 'archive', sha256: 7 }] }] })).toBe(false);
  });

  test('a bad app id names the key', () => {
    expect(() => renderFlathub(ctx('project: { name: x }\nbuild: { targets: [linux-x64] }\nplatforms:\n  flathub: { app-id: notreverse }\n', '1.0.0'))).toThrow('platforms.flathub.app-id:');
  });
});
