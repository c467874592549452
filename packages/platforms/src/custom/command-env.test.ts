import { describe, expect, test } from 'vitest';
import type { ResolvedVersion } from '@deployforge/version';
import type { PlatformContext } from '../platform.js';
import { commandEnv, targetEnvSuffix } from './command-env.js';
import { entrySecrets } from './custom-entry.js';

const version: ResolvedVersion = { version: '2.0.0-rc.1', tag: 'v2.0.0-rc.1', prerelease: true, npmDistTag: 'next', source: { kind: 'input' } as never };

describe('commandEnv', () => {
  test.each([
    ['linux-x64', 'LINUX_X64'],
    ['linux-arm64-musl', 'LINUX_ARM64_MUSL'],
    ['windows-arm64', 'WINDOWS_ARM64'],
  ])('%s → %s', (target, suffix) => expect(targetEnvSuffix(target)).toBe(suffix));

  test('holds exactly the release facts, the entry env, PATH and HOME', () => {
    const env = commandEnv({
      version,
      entry: { run: 'true', env: { MIRROR_DIR: '/srv/mirror' } },
      assetsDir: '/work/assets',
      archives: [{ target: 'linux-x64', path: '/work/assets/a.tar.gz', sha256: 'ab'.repeat(32) }],
      path: '/usr/bin:/bin',
      home: '/home/ci',
    });
    expect(env).toEqual({
      PATH: '/usr/bin:/bin',
      HOME: '/home/ci',
      MIRROR_DIR: '/srv/mirror',
      DEPLOYFORGE_VERSION: '2.0.0-rc.1',
      DEPLOYFORGE_TAG: 'v2.0.0-rc.1',
      DEPLOYFORGE_PRERELEASE: 'true',
      DEPLOYFORGE_ASSETS_DIR: '/work/assets',
      DEPLOYFORGE_ASSETS: '/work/assets',
      DEPLOYFORGE_ASSET_LINUX_X64: '/work/assets/a.tar.gz',
      DEPLOYFORGE_SHA256_LINUX_X64: 'ab'.repeat(32),
    });
  });

  test('the entry env cannot shadow the release facts', () => {
    const env = commandEnv({
      version, entry: { run: 'true', env: { DEPLOYFORGE_VERSION: '9.9.9' } }, assetsDir: '/a', archives: [], path: undefined, home: undefined,
    });
    expect(env.DEPLOYFORGE_VERSION).toBe('2.0.0-rc.1');
    expect(env).not.toHaveProperty('PATH');
  });

  test('the listed secrets pass through, and only they', () => {
    const env = commandEnv({
      version, entry: { run: 'true', env: {}, secrets: ['RAILWAY_TOKEN'] }, assetsDir: '/a', archives: [], path: undefined, home: undefined,
      secrets: { RAILWAY_TOKEN: 'rw-123' },
    });
    expect(env.RAILWAY_TOKEN).toBe('rw-123');
    expect(Object.keys(env).filter((k) => !k.startsWith('DEPLOYFORGE_'))).toEqual(['RAILWAY_TOKEN']);
  });
});

describe('entrySecrets', () => {
  const ctx = (env: Record<string, string>) => ({ env, instance: 'railway' }) as unknown as PlatformContext;
  test('takes the listed names from the spoke environment', () => {
    expect(entrySecrets(ctx({ RAILWAY_TOKEN: 't', OTHER: 'o' }), 'railway', { run: 'true', env: {}, secrets: ['RAILWAY_TOKEN'] })).toEqual({ RAILWAY_TOKEN: 't' });
  });
  test('a missing or empty one is a missing credential, named', () => {
    expect(() => entrySecrets(ctx({ A: '' }), 'railway', { run: 'true', env: {}, secrets: ['A', 'B'] })).toThrow('missing credential: set A and B (listed in platforms.custom.railway.secrets)');
  });
});
