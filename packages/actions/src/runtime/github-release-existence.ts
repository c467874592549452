import type { Existence } from '@deployforge/catalog';
import type { LoadedConfig } from '@deployforge/config';
import { errorMessage } from '@deployforge/diagnostics';
import { createGitHubClient } from '@deployforge/github';
import { releaseExistence } from '@deployforge/hub';
import type { ResolvedVersion } from '@deployforge/version';
import { createActionLogger } from './action-logger.js';

/**
 * What build-matrix knows of the GitHub release, asked with the workflow token. build-matrix imports
 * this module only when it has a token, so that Octokit and the release-reading code (downloads,
 * hashing, node:http/https) load on that path alone (issue 20). A failed lookup is not fatal:
 * `unknown` makes the hub run, and the hub converges on its own.
 */
export async function githubReleaseExistence(token: string, loaded: LoadedConfig, version: ResolvedVersion): Promise<Existence> {
  const client = createGitHubClient({ token, log: createActionLogger() });
  return releaseExistence(client, loaded, version, process.env)
    .catch((error: unknown) => ({ state: 'unknown' as const, detail: errorMessage(error) }));
}
