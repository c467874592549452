import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { parseVersionInput } from '@deployforge/version';
import type { PlatformContext } from '../platform.js';
import { renderVscode } from './render.js';

const repo = join(import.meta.dirname, '../../../..');

function ctx(yaml: string, env: Record<string, string> = {}): PlatformContext {
  return {
    config: parseConfig(yaml, 'deployforge.yml').config,
    version: parseVersionInput('0.1.0', { tagPrefix: 'v', origin: 'test' }),
    assets: [],
    workDir: '/nonexistent',
    env,
    dryRun: true,
    force: false,
    log: createMemoryLogger(),
    fetchAsset: async () => { throw new Error('render must not fetch'); },
  };
}

describe('renderVscode', () => {
  test.each([
    ['rust-cli example (both stores, public URLs)', readFileSync(join(repo, 'examples/rust-cli/deployforge.yml'), 'utf8'), {}],
    ['Open VSX only, moved by env', 'project: { name: x }\nplatforms:\n  vscode: { path: ext, marketplace: false }\n', { DEPLOYFORGE_OVSX_URL: 'http://127.0.0.1:9/ovsx/' }],
  ])('%s', (_name, yaml, env) => {
    expect(renderVscode(ctx(yaml, env))).toMatchSnapshot();
  });

  test('both stores off is a configuration error', () => {
    expect(() => renderVscode(ctx('project: { name: x }\nplatforms:\n  vscode: { path: ext, marketplace: false, open-vsx: false }\n'))).toThrow('platforms.vscode:');
  });
});
