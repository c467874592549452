import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '@deployforge/diagnostics';
import type { PlatformContext } from '@deployforge/platforms';
import { huggingfacePlatform } from '../../../packages/platforms/src/huggingface/index.js';
import { cloneWithGit, createBareRepo, runSpoke, type BareRepo } from '../../../packages/platforms/src/git-remote/test-support.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { assertReachable, testServices } from '../../helpers/services.js';

const CONFIG = `
project: { name: hello-forge, description: A tiny greeter, license: MIT, repository: acme/hello-forge }
build: { binary: hello-forge, targets: [linux-x64] }
platforms:
  huggingface: { space: acme/hello-forge-demo, path: space }
`;

describe('huggingface against the real git servers', () => {
  const services = testServices();
  let fx: ReleaseFixture;
  let configDir = '';
  const repos: BareRepo[] = [];
  const canary = 'hf_canaryTokenThatMustNeverLeak42';

  beforeAll(async () => {
    await assertReachable('git HTTP server', services.DEPLOYFORGE_TEST_GIT_HTTP);
    fx = await createReleaseFixture(CONFIG);
    configDir = mkdtempSync(join(tmpdir(), 'df-hf-'));
    mkdirSync(join(configDir, 'space/assets'), { recursive: true });
    writeFileSync(join(configDir, 'space/README.md'), '---\ntitle: Hello Forge\nsdk: gradio\napp_file: app.py\n---\n');
    writeFileSync(join(configDir, 'space/app.py'), 'print("hello")\n');
    writeFileSync(join(configDir, 'space/run.sh'), '#!/bin/sh\npython app.py\n', { mode: 0o755 });
    writeFileSync(join(configDir, 'space/assets/logo.svg'), '<svg/>\n');
  });
  afterAll(async () => {
    await fx?.close();
    for (const repo of repos) repo.remove();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  async function space(): Promise<BareRepo> {
    const repo = await createBareRepo(services, 'space');
    repos.push(repo);
    return repo;
  }

  function ctxFor(url: string, options: { token?: string; dryRun?: boolean } = {}): PlatformContext & { log: ReturnType<typeof createMemoryLogger> } {
    const log = createMemoryLogger();
    const base = fx.context({
      // The local server wants GitHub's user name; Hugging Face itself only checks the token.
      env: { HF_TOKEN: options.token ?? services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN, HF_USERNAME: 'x-access-token', DEPLOYFORGE_CONFIG_DIR: configDir },
      dryRun: options.dryRun ?? false,
      log,
    });
    const huggingface = { ...base.config.platforms.huggingface!, remote: url };
    return { ...base, log, config: { ...base.config, platforms: { ...base.config.platforms, huggingface } } };
  }

  it('makes the Space exactly the folder (stale files deleted) over token HTTP; a re-run is identical and pushes nothing', async () => {
    const repo = await space();
    await repo.seed({ 'README.md': '---\ntitle: old\n---\n', 'old.py': 'print("stale")\n', '.gitattributes': '*.bin filter=lfs\n' }, 'initial commit');
    const first = await runSpoke(huggingfacePlatform, ctxFor(repo.httpUrl));
    expect(first.status, first.detail).toBe('published');
    expect(first.existence?.detail).toMatch(/to delete/);
    expect(await repo.files()).toEqual(['README.md', 'app.py', 'assets/logo.svg', 'run.sh']);

    const clone = await cloneWithGit(repo.daemonUrl);
    try {
      expect(readFileSync(join(clone, 'README.md'), 'utf8')).toContain('title: Hello Forge');
      expect(statSync(join(clone, 'run.sh')).mode & 0o111).not.toBe(0);
      expect(statSync(join(clone, 'app.py')).mode & 0o111).toBe(0);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }

    const tip = await repo.tip();
    const second = await runSpoke(huggingfacePlatform, ctxFor(repo.httpUrl));
    expect(second.status, second.detail).toBe('skipped');
    expect(second.existence?.state).toBe('identical');
    expect(await repo.tip()).toBe(tip);
    expect((await huggingfacePlatform.status(ctxFor(repo.httpUrl))).latest).toBe('1.0.0');
  });

  it('dry run writes nothing; a wrong token fails cleanly and never appears in the outcome or the logs', async () => {
    const repo = await space();
    expect((await runSpoke(huggingfacePlatform, ctxFor(repo.httpUrl, { dryRun: true }))).status).toBe('dry-run');
    expect(await repo.tip()).toBeUndefined();
    const ctx = ctxFor(repo.httpUrl, { token: canary });
    const outcome = await runSpoke(huggingfacePlatform, ctx);
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/authentication to .* failed; check that HF_TOKEN/);
    expect(JSON.stringify(outcome)).not.toContain(canary);
    expect(ctx.log.lines.join('\n')).not.toContain(canary);
    expect(await repo.tip()).toBeUndefined();
  });

  it('a Space that is empty gets its first commit on main', async () => {
    const repo = await space();
    const outcome = await runSpoke(huggingfacePlatform, ctxFor(repo.httpUrl));
    expect(outcome.status, outcome.detail).toBe('published');
    expect(await repo.commits()).toBe(1);
  });
});
