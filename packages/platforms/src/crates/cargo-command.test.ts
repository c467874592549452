import { afterEach, describe, expect, test } from 'vitest';
import { createMemoryLogger } from '@deployforge/diagnostics';
import type { PlatformContext } from '../platform.js';
import { cargoEnv, cargoError, registryArgs } from './cargo-command.js';
import { registryEnvName, type CratesSettings } from './crates-settings.js';

const settings = (registry: string): CratesSettings => ({
  name: 'x', version: '1.0.0', dir: '/src', registry, indexUrl: 'http://127.0.0.1:1/index/', sparseIndex: 'sparse+http://127.0.0.1:1/index/',
});
const ctx = { workDir: '/work', env: {}, log: createMemoryLogger() } as unknown as PlatformContext;

describe('cargo environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test('tokens from the machine never reach cargo; the spoke token goes in env, named for the registry', () => {
    process.env.CARGO_REGISTRY_TOKEN = 'machine-token-should-not-leak';
    process.env.CARGO_REGISTRIES_OTHER_TOKEN = 'other-machine-token';
    const local = cargoEnv(ctx, settings('my-reg'), 'spoke-token');
    expect(local.CARGO_REGISTRY_TOKEN).toBeUndefined();
    expect(local.CARGO_REGISTRIES_OTHER_TOKEN).toBeUndefined();
    expect(local.CARGO_REGISTRIES_MY_REG_TOKEN).toBe('spoke-token');
    expect(local.CARGO_REGISTRIES_MY_REG_INDEX).toBe('sparse+http://127.0.0.1:1/index/');
    expect(local.CARGO_TARGET_DIR).toBe('/work/cargo-target');
    const cratesIo = cargoEnv(ctx, settings('crates-io'), 'spoke-token');
    expect(cratesIo.CARGO_REGISTRY_TOKEN).toBe('spoke-token');
    expect(Object.keys(cratesIo).filter((k) => k.startsWith('CARGO_REGISTRIES_'))).toEqual([]);
  });

  test('--registry only for alternative registries', () => {
    expect(registryArgs(settings('crates-io'))).toEqual([]);
    expect(registryArgs(settings('local'))).toEqual(['--registry', 'local']);
    expect(registryEnvName('my-reg', 'TOKEN')).toBe('CARGO_REGISTRIES_MY_REG_TOKEN');
  });

  test('cargoError keeps what follows the first error line', () => {
    const text = '   Packaging x v1.0.0\n   Uploading x v1.0.0\nerror: failed to publish to registry\n\nCaused by:\n  the remote server responded with an error: boom\n';
    expect(cargoError({ code: 101, stdout: '', stderr: text })).toBe('error: failed to publish to registry Caused by: the remote server responded with an error: boom');
  });
});
