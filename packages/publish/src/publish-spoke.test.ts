import { describe, expect, test } from 'vitest';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import type { Existence, SpokeId } from '@deployforge/catalog';
import type { Platform, PlatformContext } from '@deployforge/platforms';
import { parseVersionInput } from '@deployforge/version';
import { parseConfig } from '@deployforge/config';
import { publishSpoke } from './publish-spoke.js';

const SECRET = 'npm_secret_token_value';

/** A platform whose every answer the row decides, recording whether publish was reached. */
function platform(id: SpokeId, check: () => Promise<Existence>, publish: () => Promise<{ status: 'published'; detail: string }>): Platform & { published: number } {
  const p = {
    id,
    published: 0,
    check,
    render: () => [{ path: 'package.json', contents: '{}' }],
    publish: async () => {
      p.published++;
      return publish();
    },
    status: async () => ({}),
  };
  return p;
}

function ctx(options: { force?: boolean; dryRun?: boolean } = {}): PlatformContext {
  return {
    config: parseConfig('project: { name: demo }\nplatforms: { npm: {}, homebrew: { tap: acme/tap } }\n', 'deployforge.yml').config,
    version: parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'test' }),
    assets: [],
    workDir: '/nonexistent',
    env: { NPM_TOKEN: SECRET },
    dryRun: options.dryRun ?? false,
    force: options.force ?? false,
    log: createMemoryLogger(),
    fetchAsset: async () => { throw new Error('not used'); },
  };
}

const ok = async () => ({ status: 'published' as const, detail: 'published 1.0.0' });
const state = (s: Existence['state']) => async (): Promise<Existence> => ({ state: s, detail: 'evidence' });

describe('publishSpoke', () => {
  test.each([
    ['absent publishes', 'npm', state('absent'), {}, 'published', 1],
    ['identical is skipped without writing', 'npm', state('identical'), {}, 'skipped', 0],
    ['pending is needs-human', 'npm', state('pending'), {}, 'needs-human', 0],
    ['burned fails', 'npm', state('burned'), {}, 'failed', 0],
    ['different fails without force', 'homebrew', state('different'), {}, 'failed', 0],
    ['different is replaced with force where allowed', 'homebrew', state('different'), { force: true }, 'published', 1],
    ['npm refuses different even with force', 'npm', state('different'), { force: true }, 'failed', 0],
    ['a failing check is unknown, and the spoke still publishes', 'npm', async () => { throw new Error('registry down'); }, {}, 'published', 1],
    ['dry run renders and writes nothing', 'npm', state('absent'), { dryRun: true }, 'dry-run', 0],
  ] as const)('%s', async (_name, id, check, flags, status, publishes) => {
    const p = platform(id, check, ok);
    const outcome = await publishSpoke({ key: id, platform: p, ctx: ctx(flags), redact: createRedactor([SECRET]) });
    expect(outcome.status).toBe(status);
    expect(p.published).toBe(publishes);
    expect(outcome.version).toBe('1.0.0');
    expect(outcome['duration-ms']).toBeGreaterThanOrEqual(0);
  });

  test('an error that echoes the token is redacted and becomes failed, never a throw', async () => {
    const p = platform('npm', state('absent'), async () => { throw new Error(`401 for Authorization: Bearer ${SECRET}`); });
    const outcome = await publishSpoke({ key: 'npm', platform: p, ctx: ctx(), redact: createRedactor([SECRET]) });
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toContain('Bearer ***');
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });
});
