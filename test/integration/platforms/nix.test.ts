import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '@deployforge/diagnostics';
import type { PlatformContext } from '@deployforge/platforms';
import { nixPlatform } from '../../../packages/platforms/src/nix/index.js';
import { checkNixSyntax } from '../../../packages/platforms/src/nix/nix-syntax.js';
import { cloneWithGit, createBareRepo, runSpoke, type BareRepo } from '../../../packages/platforms/src/git-remote/test-support.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { assertReachable, testServices } from '../../helpers/services.js';

const CONFIG = `
project: { name: hello-forge, description: A tiny greeter, homepage: https://example.test/hello-forge, license: Apache-2.0, repository: acme/hello-forge }
build: { binary: hello-forge, targets: [linux-x64, linux-x64-musl, linux-arm64, macos-x64, macos-arm64, windows-x64] }
platforms:
  nix: { repository: acme/nix-packages }
`;

describe('nix against the real git servers', () => {
  const services = testServices();
  let fx: ReleaseFixture;
  const repos: BareRepo[] = [];
  const canary = 'canary-nix-token-5d7c9e1b3a';

  beforeAll(async () => {
    await assertReachable('git HTTP server', services.DEPLOYFORGE_TEST_GIT_HTTP);
    await assertReachable('git daemon', services.DEPLOYFORGE_TEST_GIT_DAEMON);
    fx = await createReleaseFixture(CONFIG);
  });
  afterAll(async () => {
    await fx?.close();
    for (const repo of repos) repo.remove();
  });

  async function nixRepo(): Promise<BareRepo> {
    const repo = await createBareRepo(services, 'nixpkgs');
    repos.push(repo);
    return repo;
  }

  function ctxFor(url: string, options: { token?: string; dryRun?: boolean; path?: string } = {}): PlatformContext & { log: ReturnType<typeof createMemoryLogger> } {
    const log = createMemoryLogger();
    const base = fx.context({ env: { NIX_REPO_TOKEN: options.token ?? services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN }, dryRun: options.dryRun ?? false, log });
    return { ...base, log, config: { ...base.config, platforms: { ...base.config.platforms, nix: { repository: url, path: options.path ?? 'flake.nix' } } } };
  }

  it('commits flake.nix, package.nix and default.nix over token HTTP; a re-run is identical and pushes nothing', async () => {
    const repo = await nixRepo();
    const first = await runSpoke(nixPlatform, ctxFor(repo.httpUrl));
    expect(first.status, first.detail).toBe('published');
    expect(await repo.files()).toEqual(['default.nix', 'flake.nix', 'package.nix']);

    const clone = await cloneWithGit(repo.daemonUrl);
    try {
      for (const file of ['default.nix', 'flake.nix', 'package.nix']) {
        expect(checkNixSyntax(readFileSync(join(clone, file), 'utf8')), file).toEqual([]);
      }
      const pkg = readFileSync(join(clone, 'package.nix'), 'utf8');
      const musl = fx.assets.find((a) => a.target === 'linux-x64-musl')!;
      expect(pkg).toContain(`url = "${musl.url}";`);
      expect(pkg).toContain(`sha256 = "sha256-${Buffer.from(musl.sha256, 'hex').toString('base64')}";`);
      // musl is preferred on x86_64-linux; arm64 has only gnu, so autoPatchelfHook is there.
      expect(pkg).not.toContain(fx.assets.find((a) => a.target === 'linux-x64')!.url);
      expect(pkg).toContain('autoPatchelfHook');
      expect(pkg).toContain('license = lib.licenses.asl20;');
      expect(readFileSync(join(clone, 'flake.nix'), 'utf8')).toContain('pkgs.callPackage ./package.nix { }');
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }

    const tip = await repo.tip();
    const second = await runSpoke(nixPlatform, ctxFor(repo.httpUrl));
    expect(second.status, second.detail).toBe('skipped');
    expect(second.existence?.state).toBe('identical');
    expect(await repo.tip()).toBe(tip);
    expect((await nixPlatform.status(ctxFor(repo.httpUrl))).latest).toBe('1.0.0');
  });

  it('a nixpkgs-style path writes the derivation there with a flake beside it, over the git daemon', async () => {
    const repo = await nixRepo();
    await repo.seed({ 'README.md': 'packages\n' }, 'initial');
    const outcome = await runSpoke(nixPlatform, ctxFor(repo.daemonUrl, { path: 'pkgs/hello-forge/default.nix' }));
    expect(outcome.status, outcome.detail).toBe('published');
    expect(await repo.files()).toEqual(['README.md', 'pkgs/hello-forge/default.nix', 'pkgs/hello-forge/flake.nix']);
    expect(await repo.show('pkgs/hello-forge/flake.nix')).toContain('pkgs.callPackage ./default.nix { }');
  });

  it('dry run writes nothing; a wrong token fails cleanly and never appears in the outcome or the logs', async () => {
    const repo = await nixRepo();
    expect((await runSpoke(nixPlatform, ctxFor(repo.httpUrl, { dryRun: true }))).status).toBe('dry-run');
    expect(await repo.tip()).toBeUndefined();
    const ctx = ctxFor(repo.httpUrl, { token: canary });
    const outcome = await runSpoke(nixPlatform, ctx);
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/authentication to .* failed; check that NIX_REPO_TOKEN/);
    expect(JSON.stringify(outcome)).not.toContain(canary);
    expect(ctx.log.lines.join('\n')).not.toContain(canary);
    expect(await repo.tip()).toBeUndefined();
  });
});
