import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import type { PlatformContext } from '@deployforge/platforms';
import { publishSpoke } from '@deployforge/publish';
import { afterEach, describe, expect, it } from 'vitest';
import { wingetManifestProblems } from '../../../packages/platforms/src/winget/manifest-schema-check.js';
import { wingetPlatform } from '../../../packages/platforms/src/winget/index.js';
import { seedFork } from '../../fakes/github/forks.js';
import { gitData, seedFiles } from '../../fakes/github/git-data.js';
import { createReleaseFixture, FIXTURE_TOKEN, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { uniqueName } from '../../helpers/services.js';

// The Winget spoke against the GitHub fake (every request and answer validated against GitHub's OpenAPI
// description): fork sync, branch, three manifest commits and a cross-repository pull request to winget-pkgs.
const UPSTREAM = 'microsoft/winget-pkgs';
const FORK = 'acme-bot/winget-pkgs';
const DIR = 'manifests/a/Acme/HelloForge';

function config(options: { fork?: boolean } = {}): string {
  return `
project:
  name: hello-forge
  description: Says hello, for the Winget tests
  license: MIT
  repository: acme/hello-forge
  maintainer: Acme <dev@acme.test>
build:
  binary: hello-forge
  targets: [linux-x64, windows-x64, windows-arm64]
platforms:
  winget:
    package-id: Acme.HelloForge
    upstream: ${UPSTREAM}
${options.fork === false ? '' : `    fork: ${FORK}\n`}`;
}

describe('winget spoke against the GitHub fake', () => {
  let fx: ReleaseFixture | undefined;
  afterEach(async () => {
    await fx?.close();
    fx = undefined;
  });

  /** winget-pkgs with an earlier version of the package (or none), the bot's fork one commit behind. */
  const setup = async (options: { submitted?: boolean; fork?: boolean } = {}): Promise<ReleaseFixture> => {
    fx = await createReleaseFixture(config(options));
    const upstream = fx.gh.state.addRepo(UPSTREAM);
    seedFiles(upstream, 'master', { 'README.md': 'winget-pkgs\n' }, 'Initial manifests');
    gitData(upstream).defaultBranch = 'master';
    if (options.submitted !== false) seedFiles(upstream, 'master', { [`${DIR}/0.9.0/Acme.HelloForge.yaml`]: 'PackageVersion: 0.9.0\n' }, 'New version: Acme.HelloForge version 0.9.0');
    if (options.fork !== false) seedFork(fx.gh.state, UPSTREAM, FORK);
    // Upstream moves on after the fork was made: the spoke must sync the fork first.
    seedFiles(upstream, 'master', { 'manifests/z/Zed/Other/1.0.0/Zed.Other.yaml': 'PackageVersion: 1.0.0\n' }, 'New version: Zed.Other version 1.0.0');
    return fx;
  };
  const run = async (options: { token?: string; dryRun?: boolean; mutate?: (ctx: PlatformContext) => PlatformContext } = {}) => {
    const log = createMemoryLogger();
    const token = options.token ?? FIXTURE_TOKEN;
    const base = fx!.context({ env: { WINGET_TOKEN: token, GITHUB_API_URL: fx!.gh.url }, log, ...(options.dryRun ? { dryRun: true } : {}) });
    const ctx = options.mutate ? options.mutate(base) : base;
    const outcome = await publishSpoke({ key: 'winget', platform: wingetPlatform, ctx, redact: createRedactor([token]) });
    return { outcome, log, ctx };
  };
  const file = (repo: string, branch: string, path: string): string | undefined => {
    const git = gitData(fx!.gh.state.repo(repo)!);
    return git.commits.get(git.branches.get(branch)!)?.files.get(path);
  };

  it('syncs the fork, commits the three manifests on a branch and opens the pull request; a re-run finds it and writes nothing', async () => {
    await setup();
    const writesBefore = fx!.gh.writeCount();
    const { outcome, ctx } = await run();
    expect(outcome.status, outcome.detail).toBe('published');
    expect(outcome.detail).toMatch(/opened pull request #1 \(3 manifest file\(s\)/);

    const up = gitData(fx!.gh.state.repo(UPSTREAM)!);
    const fork = gitData(fx!.gh.state.repo(FORK)!);
    expect(fork.commits.get(fork.branches.get('master')!)?.sha).toBe(up.branches.get('master'));
    const branch = 'deployforge/Acme.HelloForge-1.0.0';
    for (const f of wingetPlatform.render(ctx)) {
      const committed = file(FORK, branch, f.path);
      expect(committed, f.path).toBe(f.contents);
      expect(wingetManifestProblems(committed!)).toEqual([]);
    }
    expect(up.pulls).toHaveLength(1);
    expect(up.pulls[0]).toMatchObject({ title: 'New version: Acme.HelloForge version 1.0.0', head: `acme-bot:${branch}`, base: 'master', state: 'open' });
    expect(outcome.url).toMatch(/\/html\/microsoft\/winget-pkgs\/pull\/1$/);
    // sync, branch, three files, pull request
    expect(fx!.gh.writeCount() - writesBefore).toBe(6);

    const writes = fx!.gh.writeCount();
    const again = await run();
    expect(again.outcome.status, again.outcome.detail).toBe('needs-human');
    expect(again.outcome.existence?.state).toBe('pending');
    expect(again.outcome.detail).toMatch(/pull request #1 .* waiting for the winget-pkgs moderators/);
    expect(fx!.gh.writeCount()).toBe(writes);
    expect(fx!.gh.violations()).toEqual([]);
  });

  it('once merged upstream the version is identical; other installers for it are different and refused', async () => {
    await setup();
    const { ctx } = await run({ dryRun: true });
    const upstream = fx!.gh.state.repo(UPSTREAM)!;
    expect((await wingetPlatform.status(ctx)).latest).toBe('0.9.0');
    seedFiles(upstream, 'master', Object.fromEntries(wingetPlatform.render(ctx).map((f) => [f.path, String(f.contents)])), 'Merged');
    expect((await wingetPlatform.status(ctx)).latest).toBe('1.0.0');
    const writes = fx!.gh.writeCount();
    const merged = await run();
    expect(merged.outcome.status, merged.outcome.detail).toBe('skipped');
    expect(merged.outcome.existence?.state).toBe('identical');

    seedFiles(upstream, 'master', { [`${DIR}/1.0.0/Acme.HelloForge.installer.yaml`]: 'Installers:\n- Architecture: x64\n  InstallerSha256: 00FF\n' }, 'Edited');
    const other = await run();
    expect(other.outcome.status).toBe('failed');
    expect(other.outcome.existence?.state).toBe('different');
    expect(other.outcome.detail).toContain('x64=00FF');
    expect(fx!.gh.writeCount()).toBe(writes);
    expect(fx!.gh.violations()).toEqual([]);
  });

  it('a package never submitted to winget-pkgs needs its first version submitted by hand', async () => {
    await setup({ submitted: false });
    const writes = fx!.gh.writeCount();
    const { outcome } = await run();
    expect(outcome.status, outcome.detail).toBe('needs-human');
    expect(outcome.detail).toMatch(/submit its first version by hand \(wingetcreate new /);
    expect(fx!.gh.writeCount()).toBe(writes);
    expect(fx!.gh.violations()).toEqual([]);
  });

  it('without a configured fork it forks winget-pkgs for the token owner and opens the pull request from there', async () => {
    await setup({ fork: false });
    const { outcome } = await run();
    expect(outcome.status, outcome.detail).toBe('published');
    const fork = fx!.gh.state.repo('deployforge-bot/winget-pkgs');
    expect(fork).toBeDefined();
    expect(gitData(fx!.gh.state.repo(UPSTREAM)!).pulls[0]?.head).toBe('deployforge-bot:deployforge/Acme.HelloForge-1.0.0');
    // Found again by its title, since check cannot know the fork's owner without a write.
    const again = await run();
    expect(again.outcome.status).toBe('needs-human');
    expect(fx!.gh.violations()).toEqual([]);
  });

  it('dry run renders and writes nothing', async () => {
    await setup();
    const writes = fx!.gh.writeCount();
    const { outcome } = await run({ dryRun: true });
    expect(outcome.status, outcome.detail).toBe('dry-run');
    expect(outcome.files).toHaveLength(3);
    expect(fx!.gh.writeCount()).toBe(writes);
  });

  it('a bad token fails clearly and never appears in the outcome or the logs', async () => {
    await setup();
    const canary = `ghp_CANARY${uniqueName('wingettoken').replace(/-/g, '')}`;
    const writes = fx!.gh.writeCount();
    const { outcome, log } = await run({ token: canary });
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/Bad credentials/);
    expect(JSON.stringify(outcome) + log.lines.join('\n')).not.toContain(canary);
    expect(fx!.gh.writeCount()).toBe(writes);
  });
});
