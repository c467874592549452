import { dirname, join, resolve } from 'node:path';
import { ConfigurationError, type Logger } from '@deployforge/diagnostics';
import { loadGitHubClient, type GitHubClient } from '@deployforge/github';
import { assetFetcher, loadReleaseAssets, resolveRepository } from '@deployforge/hub';
import { loadPlanInputs, type InputSource, type PlanInputs } from '@deployforge/inputs';
import type { ReleaseAsset } from '@deployforge/platforms';
import { releaseTagAtHeadIfAny } from './head-tag.js';
import { makeScratchDir } from './scratch-dir.js';

export interface ReleaseSession extends PlanInputs {
  client: GitHubClient;
  assets: ReleaseAsset[];
  fetchAsset: (asset: ReleaseAsset) => Promise<string>;
  workRoot: string;
  /** Removes workRoot (downloads, the spoke's work). Ctrl-C and exit remove it too. */
  dispose(): Promise<void>;
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
  /**
   * A local command (`publish`, `check-exists`): without --version or GITHUB_REF, the release tag
   * on HEAD names the version, as it does for `release`. Actions always have GITHUB_REF.
   */
  versionFromHeadTag?: boolean;
}): Promise<ReleaseSession> {
  const projectDir = dirname(resolve(options.io.cwd, options.configPath));
  const inputs = await loadPlanInputs(options.configPath, {
    ...(options.version ? { version: options.version } : {}),
    ...(options.platforms ? { platforms: options.platforms } : {}),
    ...(options.versionFromHeadTag ? { tagWhenUntagged: (prefix: string, file: string) => releaseTagAtHeadIfAny(projectDir, prefix, file, options.log) } : {}),
  }, options.io);
  const repository = resolveRepository(inputs.loaded, options.io.env);
  const token = options.io.env.GITHUB_TOKEN || options.io.env.GH_TOKEN;
  if (!token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token that can read the releases of ${repository.owner}/${repository.repo}`);
  const client = await loadGitHubClient({ token, log: options.log, ...(options.io.env.GITHUB_API_URL ? { baseUrl: options.io.env.GITHUB_API_URL } : {}) });
  const assets = await loadReleaseAssets(client, inputs.loaded, inputs.version, options.io.env);
  const scratch = await makeScratchDir('deployforge-');
  return { ...inputs, client, assets, fetchAsset: assetFetcher(client, join(scratch.path, 'downloads')), workRoot: scratch.path, dispose: scratch.dispose };
}
