import { parseConfig } from '@deployforge/config';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { archiveName } from '@deployforge/targets';
import { parseVersionInput } from '@deployforge/version';
import type { PlatformContext } from '../platform.js';

/**
 * For unit tests: a context over a release with every configured target and fixed (fake)
 * checksums, in which nothing can fetch: render must not do I/O.
 */
export function renderContext(yaml: string, version = '1.2.3', env: Record<string, string> = {}): PlatformContext {
  const { config } = parseConfig(yaml, 'deployforge.yml');
  const resolved = parseVersionInput(version, { tagPrefix: 'v', origin: 'test' });
  const assets = (config.build?.targets ?? []).map((target, i) => {
    const name = archiveName(config.project.name, resolved.version, target);
    return { name, target, url: `https://github.com/acme/x/releases/download/v${version}/${name}`, size: 1000 + i, sha256: String(i).repeat(64) };
  });
  return {
    config, version: resolved, assets, workDir: '/nonexistent', env, dryRun: false, force: false, log: createMemoryLogger(),
    fetchAsset: async () => {
      throw new Error('render must not fetch');
    },
  };
}
