import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArchive } from '@deployforge/archive';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import { assetFetcher, loadReleaseAssets, runHub } from '@deployforge/hub';
import { loadPlatform, type PlatformContext } from '@deployforge/platforms';
import { publishSpoke } from '@deployforge/publish';
import type { SpokeOutcome } from '@deployforge/publish';
import { archiveName, binaryName, targetInfo } from '@deployforge/targets';
import { parseVersionInput } from '@deployforge/version';
import type { CliIo } from '../../packages/cli/src/cli-io.js';
import { runCli } from '../../packages/cli/src/run-cli.js';
import { createReleaseFixture, FIXTURE_TOKEN, type ReleaseFixture } from '../helpers/release-fixture.js';

/**
 * A project as a user has it for `status`, `stats` and `rollback`: a deployforge.yml in a folder,
 * releases on the GitHub fake made by the real hub, and spokes published to the real local servers
 * through `publishSpoke`, exactly as `deployforge release` would.
 */
export interface DriftProject {
  fx: ReleaseFixture;
  dir: string;
  /** GITHUB_TOKEN, GITHUB_API_URL and whatever credentials the test adds. */
  env: Record<string, string>;
  /** Another release (the real hub, on the same fake): returns a spoke context factory for it. */
  release(version: string): Promise<(extra?: Record<string, string>) => PlatformContext>;
  /** The first release's spoke contexts. */
  context(extra?: Record<string, string>): PlatformContext;
  publish(platformId: 'npm' | 'docker' | 'homebrew', ctx: PlatformContext): Promise<SpokeOutcome>;
  cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  close(): Promise<void>;
}

export async function createDriftProject(yaml: string, firstVersion = '1.0.0', credentials: Record<string, string> = {}): Promise<DriftProject> {
  const fx = await createReleaseFixture(yaml, firstVersion);
  const dir = mkdtempSync(join(tmpdir(), 'df-drift-'));
  writeFileSync(join(dir, 'deployforge.yml'), yaml);
  const env = { GITHUB_TOKEN: FIXTURE_TOKEN, GITHUB_API_URL: fx.gh.url, ...credentials };
  const repository = fx.loaded.config.project.repository ?? 'acme/demo';
  const log = createMemoryLogger();

  const contextFactory = (version: PlatformContext['version'], assets: PlatformContext['assets']) => (extra: Record<string, string> = {}): PlatformContext => ({
    config: fx.loaded.config, version, assets,
    workDir: mkdtempSync(join(tmpdir(), 'df-drift-spoke-')),
    env: { GITHUB_REPOSITORY: repository, ...credentials, ...extra },
    dryRun: false, force: false, log,
    fetchAsset: assetFetcher(fx.client, mkdtempSync(join(tmpdir(), 'df-drift-assets-'))),
  });

  return {
    fx, dir, env,
    context: contextFactory(fx.version, fx.assets),
    async release(versionText) {
      const version = parseVersionInput(versionText, { tagPrefix: 'v', origin: 'test' });
      const work = mkdtempSync(join(tmpdir(), 'df-drift-release-'));
      const binary = fx.loaded.config.build?.binary ?? fx.loaded.config.project.name;
      for (const target of fx.loaded.config.build?.targets ?? []) {
        const exe = join(work, `${target}-bin`);
        writeFileSync(exe, `#!/bin/sh\necho "${binary} ${version.version} (${target})"\n`, { mode: 0o755 });
        const name = archiveName(fx.loaded.config.project.name, version.version, target);
        await createArchive(targetInfo(target).archive, [{ source: exe, name: binaryName(binary, target), mode: 0o755 }], join(work, 'artifacts', name));
      }
      const hubEnv = { GITHUB_REPOSITORY: repository };
      await runHub({ loaded: fx.loaded, version, artifacts: join(work, 'artifacts'), cwd: work, env: hubEnv, token: FIXTURE_TOKEN, log, force: false, dryRun: false, client: fx.client });
      return contextFactory(version, await loadReleaseAssets(fx.client, fx.loaded, version, hubEnv));
    },
    async publish(platformId, ctx) {
      const platform = (await loadPlatform(platformId))!;
      return publishSpoke({ key: platformId, platform, ctx, redact: createRedactor(Object.values(credentials)) });
    },
    async cli(argv) {
      let stdout = '';
      let stderr = '';
      const io: CliIo = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd: dir, env, isTTY: false };
      const code = await runCli(argv, io);
      return { code, stdout, stderr };
    },
    close: () => fx.close(),
  };
}

/** A loopback port nothing listens on: bound, then released, so a connection is refused at once. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
