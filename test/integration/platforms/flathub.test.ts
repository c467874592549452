import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import { loadPlatform, type Platform, type PlatformContext } from '@deployforge/platforms';
import { publishSpoke } from '@deployforge/publish';
import { gitData, seedFiles, type FakeRepo } from '../../fakes/github/index.js';
import { createReleaseFixture, FIXTURE_TOKEN, type ReleaseFixture } from '../../helpers/release-fixture.js';

// Flathub's side is GitHub: the spoke proposes the manifest as a pull request on flathub/<app-id>.
// The GitHub fake (validated against GitHub's OpenAPI description) holds that repository.
const APP = 'io.github.acme.Demo';
const BAD_TOKEN = 'ghp_flathub_bad_token_canary_4242';
const OLD_MANIFEST = `app-id: ${APP}\nruntime: org.freedesktop.Platform\nruntime-version: '24.08'\nsdk: org.freedesktop.Sdk\ncommand: demo\nmodules:\n  - name: demo\n    buildsystem: simple\n    build-commands: [install -Dm755 demo -t /app/bin]\n    sources:\n      - type: archive\n        url: https://example.invalid/demo-0.9.0-linux-x64.tar.gz\n        sha256: ${'0'.repeat(64)}\n`;

const CONFIG = `
project: { name: demo, repository: acme/demo, description: A demo tool }
build: { targets: [linux-x64, linux-arm64, linux-x64-musl, macos-arm64] }
platforms:
  flathub: { app-id: ${APP} }
`;

let fx: ReleaseFixture;
let flathub: Platform;
let appRepo: FakeRepo;

beforeAll(async () => {
  fx = await createReleaseFixture(CONFIG, '1.0.0');
  flathub = (await loadPlatform('flathub'))!;
  appRepo = fx.gh.state.addRepo(`flathub/${APP}`);
  seedFiles(appRepo, 'main', { [`${APP}.yml`]: OLD_MANIFEST }, 'Add demo 0.9.0');
});
afterAll(async () => fx?.close());

function spoke(options: { token?: string; dryRun?: boolean; ctx?: (c: PlatformContext) => PlatformContext } = {}) {
  const log = createMemoryLogger();
  const base = fx.context({ log, dryRun: options.dryRun ?? false, env: { GITHUB_API_URL: fx.gh.url, FLATHUB_TOKEN: options.token ?? FIXTURE_TOKEN } });
  const ctx = options.ctx ? options.ctx(base) : base;
  return { log, ctx, run: () => publishSpoke({ key: 'flathub', platform: flathub, ctx, redact: createRedactor([FIXTURE_TOKEN, BAD_TOKEN]) }) };
}

const writes = () => fx.gh.writeCount();

describe('flathub spoke', () => {
  test('a dry run reads the repository and writes nothing', async () => {
    const before = writes();
    const outcome = await spoke({ dryRun: true }).run();
    expect(outcome.status, outcome.detail).toBe('dry-run');
    expect(outcome.existence?.state).toBe('absent');
    expect(outcome.files).toEqual([`${APP}.yml`, `${APP}.metainfo.xml`]);
    expect(writes()).toBe(before);
  });

  test('first publish opens one pull request whose manifest carries the release sha256s', async () => {
    const before = writes();
    const outcome = await spoke().run();
    expect(outcome.status, outcome.detail).toBe('published');
    expect(outcome.url).toContain(`/flathub/${APP}/pull/1`);
    expect(writes() - before).toBe(4); // branch, manifest, metainfo, pull request
    const git = gitData(appRepo);
    expect(git.pulls.map((p) => [p.head, p.base, p.state, p.title])).toEqual([['deployforge/1.0.0', 'main', 'open', 'Update to 1.0.0']]);
    const manifest = parse(git.commits.get(git.branches.get('deployforge/1.0.0')!)!.files.get(`${APP}.yml`)!);
    const sources = manifest.modules[0].sources.filter((s: { type: string }) => s.type === 'archive');
    expect(sources.map((s: { 'only-arches': string[] }) => s['only-arches'])).toEqual([['x86_64'], ['aarch64']]);
    expect(git.commits.get(git.branches.get('deployforge/1.0.0')!)!.files.get(`${APP}.metainfo.xml`)).toContain('<release version="1.0.0" date="');
    for (const [i, target] of ['linux-x64', 'linux-arm64'].entries()) {
      const asset = fx.assets.find((a) => a.target === target)!;
      expect(sources[i]).toMatchObject({ type: 'archive', url: asset.url, sha256: asset.sha256, 'strip-components': 0 });
    }
    // main is untouched until Flathub merges.
    expect(git.commits.get(git.branches.get('main')!)!.files.get(`${APP}.yml`)).toBe(OLD_MANIFEST);
    expect(fx.gh.violations()).toEqual([]);
  });

  test('while the pull request is open the version is pending: needs-human, and no writes', async () => {
    const before = writes();
    const outcome = await spoke().run();
    expect(outcome.existence?.state).toBe('pending');
    expect(outcome.status).toBe('needs-human');
    expect(outcome.url).toContain('/pull/1');
    expect(writes()).toBe(before);
  });

  test('a re-run of publish itself reuses the branch and the open pull request (idempotent)', async () => {
    const before = writes();
    // Another day: the metainfo would carry another date, but the one already proposed is kept.
    const { ctx } = spoke({ ctx: (c) => ({ ...c, env: { ...c.env, SOURCE_DATE_EPOCH: '4102444800' } }) });
    const result = await flathub.publish(ctx, flathub.render(ctx));
    expect(result.status).toBe('published');
    expect(result.detail).toContain('already open (0 file(s) updated');
    expect(writes()).toBe(before);
    expect(gitData(appRepo).pulls).toHaveLength(1);
  });

  test('once Flathub merged it, the version is identical and nothing is written', async () => {
    const git = gitData(appRepo);
    const merged = git.commits.get(git.branches.get('deployforge/1.0.0')!)!.files.get(`${APP}.yml`)!;
    seedFiles(appRepo, 'main', { [`${APP}.yml`]: merged }, 'Merge pull request #1');
    git.pulls[0]!.state = 'closed';
    const before = writes();
    const outcome = await spoke().run();
    expect(outcome.status, outcome.detail).toBe('skipped');
    expect(outcome.existence?.state).toBe('identical');
    expect(writes()).toBe(before);
    expect(await flathub.status(spoke().ctx)).toMatchObject({ latest: '1.0.0' });
  });

  test('a bad token fails clearly and never shows up', async () => {
    const bad = spoke({ token: BAD_TOKEN });
    const outcome = await bad.run();
    expect(outcome.existence?.state).toBe('unknown');
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toContain('GitHub refused FLATHUB_TOKEN');
    expect(JSON.stringify(outcome) + bad.log.lines.join('\n')).not.toContain(BAD_TOKEN);
  });

  test('a first submission (no repository yet) needs a human, with where new apps go', async () => {
    const missing = (c: PlatformContext): PlatformContext => ({
      ...c, config: { ...c.config, platforms: { ...c.config.platforms, flathub: { 'app-id': 'io.github.acme.Brandnew' } } },
    });
    const before = writes();
    const outcome = await spoke({ ctx: missing }).run();
    expect(outcome.existence?.state).toBe('absent');
    expect(outcome.status).toBe('needs-human');
    expect(outcome.detail).toContain('flathub/flathub');
    expect(outcome.detail).toContain('new-pr');
    expect(writes()).toBe(before);
  });
});
