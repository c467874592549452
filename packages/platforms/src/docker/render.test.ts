import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { archiveName } from '@deployforge/targets';
import { parseVersionInput } from '@deployforge/version';
import type { PlatformContext } from '../platform.js';
import { renderDocker } from './render.js';

const example = (name: string) => fileURLToPath(new URL(`../../../../examples/${name}/deployforge.yml`, import.meta.url));

/** A context over a release with every configured target, with fixed (fake) checksums: no I/O happens. */
function context(yaml: string, version = '1.2.3', env: Record<string, string> = {}): PlatformContext {
  const { config } = parseConfig(yaml, 'deployforge.yml');
  const resolved = parseVersionInput(version, { tagPrefix: 'v', origin: 'test' });
  const assets = (config.build?.targets ?? []).map((target, i) => {
    const name = archiveName(config.project.name, resolved.version, target);
    return { name, target, url: `https://github.com/acme/x/releases/download/v${version}/${name}`, size: 1000 + i, sha256: String(i).repeat(64) };
  });
  return {
    config, version: resolved, assets, workDir: '/nonexistent', env, dryRun: false, force: false, log: createMemoryLogger(),
    fetchAsset: async () => { throw new Error('render must not fetch'); },
  };
}

const render = (ctx: PlatformContext) => {
  const files = renderDocker(ctx);
  expect(files.map((f) => f.path)).toEqual(['docker/image-plan.json']);
  return JSON.parse(String(files[0]?.contents)) as Record<string, unknown>;
};

describe('renderDocker', () => {
  test.each(['rust-cli', 'go-cli'])('examples/%s', (name) => {
    expect(render(context(readFileSync(example(name), 'utf8')))).toMatchSnapshot();
  });

  test('musl preferred per architecture; macOS and Windows never in the image', () => {
    const plan = render(context('project: { name: d }\nbuild: { targets: [linux-x64-musl, linux-arm64-musl, linux-x64, macos-arm64] }\nplatforms: { docker: { images: [ghcr.io/acme/d] } }\n'));
    expect((plan.platforms as { platform: string; target: string }[]).map((p) => `${p.platform} ${p.target}`)).toEqual(['linux/amd64 linux-x64-musl', 'linux/arm64/v8 linux-arm64-musl']);
    expect(plan.tags).toEqual(['1.2.3', 'latest']);
  });

  test('SOURCE_DATE_EPOCH fixes the creation time; a prerelease has no floating tags', () => {
    const yaml = 'project: { name: d }\nbuild: { targets: [linux-x64] }\nplatforms: { docker: { images: [d], tags: ["{version}", "{major}.{minor}", latest] } }\n';
    const plan = render(context(yaml, '2.0.0-rc.1', { SOURCE_DATE_EPOCH: '1700000000' }));
    expect(plan.created).toBe('2023-11-14T22:13:20Z');
    expect(plan.tags).toEqual(['2.0.0-rc.1']);
    expect(plan.images).toEqual([{ reference: 'd', endpoint: 'https://registry-1.docker.io', repository: 'library/d' }]);
  });

  test('a release without Linux binaries is a configuration error naming build.targets', () => {
    const ctx = context('project: { name: d }\nbuild: { targets: [macos-arm64, windows-x64] }\nplatforms: { docker: { images: [ghcr.io/acme/d] } }\n');
    expect(() => renderDocker(ctx)).toThrow(/build\.targets: an image needs a Linux binary; the release has macos-arm64, windows-x64/);
  });
});
