import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseConfig } from '@deployforge/config';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { archiveName } from '@deployforge/targets';
import { parseVersionInput } from '@deployforge/version';
import type { PlatformContext, ReleaseAsset } from '../platform.js';

/**
 * The repository's example configs, for the render snapshot tests of the package-manager spokes
 * (aur, chocolatey, winget). Render is pure, so a context needs no server: assets get the URL
 * GitHub would give them and a digest derived from their name (stable across runs).
 */
export const EXAMPLE_CONFIGS = {
  'rust-cli': '../../../../examples/rust-cli/deployforge.yml',
  'go-cli': '../../../../examples/go-cli/deployforge.yml',
  'every-platform': '../../../../test/fixtures/good-configs/every-platform.yml',
} as const;

export function exampleContext(example: keyof typeof EXAMPLE_CONFIGS, versionText = '1.2.3'): PlatformContext {
  const loaded = parseConfig(readFileSync(new URL(EXAMPLE_CONFIGS[example], import.meta.url), 'utf8'), `${example}/deployforge.yml`);
  const { config } = loaded;
  const version = parseVersionInput(versionText, { tagPrefix: config.version?.['tag-prefix'] ?? 'v', origin: 'test' });
  const repository = config.project.repository ?? 'acme/demo';
  const assets: ReleaseAsset[] = config.build.targets.map((target) => {
    const name = archiveName(config.project.name, version.version, target);
    return {
      name,
      target,
      url: `https://github.com/${repository}/releases/download/${version.tag}/${name}`,
      size: 4096,
      sha256: createHash('sha256').update(name).digest('hex'),
    };
  });
  return {
    config,
    version,
    assets,
    workDir: '/nonexistent/render-is-pure',
    env: {},
    dryRun: false,
    force: false,
    log: createMemoryLogger(),
    fetchAsset: () => Promise.reject(new Error('render must not fetch assets')),
  };
}
