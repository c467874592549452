import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArchive } from '@deployforge/archive';
import { parseConfig, type LoadedConfig } from '@deployforge/config';
import { createMemoryLogger, type Logger } from '@deployforge/diagnostics';
import { createGitHubClient, type GitHubClient } from '@deployforge/github';
import { assetFetcher, loadReleaseAssets, runHub, type HubAsset } from '@deployforge/hub';
import type { PlatformContext } from '@deployforge/platforms';
import { archiveName, binaryName, targetInfo } from '@deployforge/targets';
import { parseVersionInput, type ResolvedVersion } from '@deployforge/version';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';

export const FIXTURE_TOKEN = 'ghs_release_fixture_token_0123456789';

export interface ReleaseFixture {
  gh: GitHubFake;
  client: GitHubClient;
  loaded: LoadedConfig;
  version: ResolvedVersion;
  assets: HubAsset[];
  /** A spoke context over the published release; `env` adds credentials and endpoints. */
  context(options?: { env?: Record<string, string>; dryRun?: boolean; force?: boolean; instance?: string; log?: Logger }): PlatformContext;
  close(): Promise<void>;
}

/**
 * A real release for spoke tests: stand-in binaries (a shell script that prints
 * `<binary> <version>`, so the linux-x64 one really runs here) archived per target exactly as the
 * build job does, uploaded by the real hub to the GitHub fake, then read back the way every spoke
 * reads a release (SHA256SUMS, verified downloads).
 */
export async function createReleaseFixture(configYaml: string, versionText = '1.0.0'): Promise<ReleaseFixture> {
  const loaded = parseConfig(configYaml, 'deployforge.yml');
  const version = parseVersionInput(versionText, { tagPrefix: loaded.config.version?.['tag-prefix'] ?? 'v', origin: 'test' });
  const repository = loaded.config.project.repository ?? 'acme/demo';
  const gh = await startGitHubFake({ token: FIXTURE_TOKEN, repos: [repository] });
  const log = createMemoryLogger();
  const client = createGitHubClient({ token: FIXTURE_TOKEN, baseUrl: gh.url, log, writeIntervalMs: 0, retryBaseMs: 1 });

  const work = mkdtempSync(join(tmpdir(), 'df-fixture-'));
  const binary = loaded.config.build?.binary ?? loaded.config.project.name;
  for (const target of loaded.config.build?.targets ?? []) {
    const exe = join(work, `${target}-bin`);
    writeFileSync(exe, `#!/bin/sh\necho "${binary} ${version.version} (${target})"\n`, { mode: 0o755 });
    const name = archiveName(loaded.config.project.name, version.version, target);
    await createArchive(targetInfo(target).archive, [{ source: exe, name: binaryName(binary, target), mode: 0o755 }], join(work, 'artifacts', name));
  }
  const env = { GITHUB_REPOSITORY: repository };
  await runHub({ loaded, version, artifacts: join(work, 'artifacts'), cwd: work, env, token: FIXTURE_TOKEN, log, force: false, dryRun: false, client });
  const assets = await loadReleaseAssets(client, loaded, version, env);

  return {
    gh, client, loaded, version, assets,
    context: (options = {}) => ({
      config: loaded.config,
      ...(options.instance ? { instance: options.instance } : {}),
      version,
      assets,
      workDir: mkdtempSync(join(tmpdir(), 'df-spoke-')),
      env: { ...env, ...options.env },
      dryRun: options.dryRun ?? false,
      force: options.force ?? false,
      log: options.log ?? log,
      fetchAsset: assetFetcher(client, mkdtempSync(join(tmpdir(), 'df-assets-'))),
    }),
    close: () => gh.close(),
  };
}
