import { readFileSync } from 'node:fs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '@deployforge/diagnostics';
import type { PlatformContext } from '@deployforge/platforms';
import { scoopPlatform } from '../../../packages/platforms/src/scoop/index.js';
import { commitAndPush, gitTargetFor } from '../../../packages/platforms/src/git-remote/index.js';
import { cloneWithGit, createBareRepo, runSpoke, type BareRepo } from '../../../packages/platforms/src/git-remote/test-support.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { assertReachable, testServices } from '../../helpers/services.js';

const CONFIG = `
project: { name: hello-forge, description: A tiny greeter, homepage: https://example.test/hello-forge, license: MIT, repository: acme/hello-forge }
build: { binary: hello-forge, targets: [linux-x64, macos-arm64, windows-x64, windows-arm64] }
platforms:
  scoop: { bucket: acme/scoop-bucket }
`;

const scoopSchema = JSON.parse(readFileSync('/work/shared/schemas/scoop/schema.json', 'utf8')) as object;

describe('scoop against the real git servers', () => {
  const services = testServices();
  let fx: ReleaseFixture;
  const repos: BareRepo[] = [];
  const canary = 'canary-scoop-token-8b2e4f6a1c';

  beforeAll(async () => {
    await assertReachable('git HTTP server', services.DEPLOYFORGE_TEST_GIT_HTTP);
    await assertReachable('git daemon', services.DEPLOYFORGE_TEST_GIT_DAEMON);
    fx = await createReleaseFixture(CONFIG);
  });
  afterAll(async () => {
    await fx?.close();
    for (const repo of repos) repo.remove();
  });

  async function bucket(): Promise<BareRepo> {
    const repo = await createBareRepo(services, 'bucket');
    repos.push(repo);
    return repo;
  }

  function ctxFor(url: string, options: { token?: string; dryRun?: boolean } = {}): PlatformContext & { log: ReturnType<typeof createMemoryLogger> } {
    const log = createMemoryLogger();
    const base = fx.context({ env: { SCOOP_BUCKET_TOKEN: options.token ?? services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN }, dryRun: options.dryRun ?? false, log });
    return { ...base, log, config: { ...base.config, platforms: { ...base.config.platforms, scoop: { bucket: url } } } };
  }

  it('commits a schema-valid manifest over token HTTP; a re-run is identical and pushes nothing', async () => {
    const repo = await bucket();
    const first = await runSpoke(scoopPlatform, ctxFor(repo.httpUrl));
    expect(first.status, first.detail).toBe('published');

    const clone = await cloneWithGit(repo.daemonUrl);
    try {
      const manifest = JSON.parse(readFileSync(join(clone, 'bucket/hello-forge.json'), 'utf8')) as Record<string, any>;
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats.default(ajv);
      const validate = ajv.compile(scoopSchema);
      expect(validate(manifest), ajv.errorsText(validate.errors)).toBe(true);
      const x64 = fx.assets.find((a) => a.target === 'windows-x64')!;
      const arm = fx.assets.find((a) => a.target === 'windows-arm64')!;
      expect(manifest.version).toBe('1.0.0');
      expect(manifest.architecture['64bit']).toEqual({ url: x64.url, hash: x64.sha256 });
      expect(manifest.architecture.arm64).toEqual({ url: arm.url, hash: arm.sha256 });
      expect(manifest.bin).toBe('hello-forge.exe');
      expect(manifest.checkver).toEqual({ github: 'https://github.com/acme/hello-forge' });
      expect(manifest.autoupdate.architecture['64bit'].url).toMatch(/\/v\$version\/hello-forge-\$version-windows-x64\.zip$/);
      expect(manifest.autoupdate.architecture['64bit'].hash.url).toMatch(/\/v\$version\/SHA256SUMS$/);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }

    const tip = await repo.tip();
    const second = await runSpoke(scoopPlatform, ctxFor(repo.httpUrl));
    expect(second.status, second.detail).toBe('skipped');
    expect(second.existence?.state).toBe('identical');
    expect(await repo.tip()).toBe(tip);
    expect((await scoopPlatform.status(ctxFor(repo.httpUrl))).latest).toBe('1.0.0');
  });

  it('works over the git daemon too, and a dry run writes nothing', async () => {
    const repo = await bucket();
    const dry = await runSpoke(scoopPlatform, ctxFor(repo.daemonUrl, { dryRun: true }));
    expect(dry.status).toBe('dry-run');
    expect(await repo.tip()).toBeUndefined();
    const real = await runSpoke(scoopPlatform, ctxFor(repo.daemonUrl));
    expect(real.status, real.detail).toBe('published');
    expect(await repo.files()).toEqual(['bucket/hello-forge.json']);
  });

  it('a wrong token fails cleanly and never appears in the outcome or the logs', async () => {
    const repo = await bucket();
    const ctx = ctxFor(repo.httpUrl, { token: canary });
    const outcome = await runSpoke(scoopPlatform, ctx);
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/authentication to .* failed; check that SCOOP_BUCKET_TOKEN/);
    expect(JSON.stringify(outcome)).not.toContain(canary);
    expect(ctx.log.lines.join('\n')).not.toContain(canary);
  });

  it('two publishes racing for one branch both land: the loser fetches, rebases and pushes again', async () => {
    const repo = await bucket();
    await repo.seed({ 'README.md': 'bucket\n' }, 'initial');
    const ctx = ctxFor(repo.httpUrl);
    const target = gitTargetFor(ctx, { spec: repo.httpUrl, origin: 'test', credential: 'SCOOP_BUCKET_TOKEN' });
    const results = await Promise.all(
      ['a', 'b'].map((name) => commitAndPush(target, { files: [{ path: `bucket/${name}.json`, contents: `{"version":"1.0.0","name":"${name}"}\n` }], subject: `${name} 1.0.0` })),
    );
    expect(results.every((r) => r.changed)).toBe(true);
    expect(await repo.files()).toEqual(['README.md', 'bucket/a.json', 'bucket/b.json']);
    expect(await repo.commits()).toBe(3);
  });

  it('a push that loses the race to identical content makes no commit of its own', async () => {
    const repo = await bucket();
    await repo.seed({ 'README.md': 'bucket\n' }, 'initial');
    const ctx = ctxFor(repo.httpUrl);
    const target = gitTargetFor(ctx, { spec: repo.httpUrl, origin: 'test', credential: 'SCOOP_BUCKET_TOKEN' });
    const file = { path: 'bucket/same.json', contents: '{"version":"1.0.0"}\n' };
    const results = await Promise.all([1, 2].map(() => commitAndPush(target, { files: [file], subject: 'same 1.0.0' })));
    expect(results.filter((r) => r.changed).length).toBeGreaterThanOrEqual(1);
    expect(await repo.files()).toEqual(['README.md', 'bucket/same.json']);
    // However the race went, the file was committed exactly once.
    expect(await repo.commits()).toBe(2);
  });
});
