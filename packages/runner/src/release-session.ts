import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, type Logger } from '@deployforge/diagnostics';
import { createGitHubClient, type GitHubClient } from '@deployforge/github';
import { assetFetcher, loadReleaseAssets, resolveRepository } from '@deployforge/hub';
import { loadPlanInputs, type InputSource, type PlanInputs } from '@deployforge/inputs';
import type { ReleaseAsset } from '@deployforge/platforms';

export interface ReleaseSession extends PlanInputs {
  client: GitHubClient;
  assets: ReleaseAsset[];
  fetchAsset: (asset: ReleaseAsset) => Promise<string>;
  workRoot: string;
}

/**
 * What a spoke needs from an existing release, for `publish`, `check-exists` and the publish
 * actions: validated inputs, a GitHub client, and the release's verified asset list.
 */
export async function openReleaseSession(options: {
  configPath: string;
  version?: string;
  platforms?: string;
  io: InputSource;
  log: Logger;
}): Promise<ReleaseSession> {
  const inputs = await loadPlanInputs(options.configPath, {
    ...(options.version ? { version: options.version } : {}),
    ...(options.platforms ? { platforms: options.platforms } : {}),
  }, options.io);
  const repository = resolveRepository(inputs.loaded, options.io.env);
  const token = options.io.env.GITHUB_TOKEN || options.io.env.GH_TOKEN;
  if (!token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token that can read the releases of ${repository.owner}/${repository.repo}`);
  const client = createGitHubClient({ token, log: options.log, ...(options.io.env.GITHUB_API_URL ? { baseUrl: options.io.env.GITHUB_API_URL } : {}) });
  const assets = await loadReleaseAssets(client, inputs.loaded, inputs.version, options.io.env);
  const workRoot = await mkdtemp(join(tmpdir(), 'deployforge-'));
  return { ...inputs, client, assets, fetchAsset: assetFetcher(client, join(workRoot, 'downloads')), workRoot };
}
