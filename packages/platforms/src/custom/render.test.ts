import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { parseVersionInput } from '@deployforge/version';
import type { PlatformContext } from '../platform.js';
import { renderCustom } from './render.js';

const exampleConfig = join(import.meta.dirname, '../../../../examples/rust-cli/deployforge.yml');

function ctx(instance: string): PlatformContext {
  return {
    config: parseConfig(readFileSync(exampleConfig, 'utf8'), 'deployforge.yml').config,
    instance,
    version: parseVersionInput('0.1.0', { tagPrefix: 'v', origin: 'test' }),
    assets: [],
    workDir: '/nonexistent',
    env: {},
    dryRun: true,
    force: false,
    log: createMemoryLogger(),
    fetchAsset: async () => { throw new Error('render must not fetch'); },
  };
}

describe('renderCustom', () => {
  test('the example mirror entry renders its scripts verbatim', () => {
    expect(renderCustom(ctx('mirror'))).toMatchSnapshot();
  });

  test('an entry that is not in the config is a configuration error naming it', () => {
    expect(() => renderCustom(ctx('nope'))).toThrow('platforms.custom.nope is not in the config');
  });
});
