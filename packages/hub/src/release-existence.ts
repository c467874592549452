import type { LoadedConfig } from '@deployforge/config';
import { describeReleaseState, SHA256SUMS_NAME, type GitHubClient } from '@deployforge/github';
import type { Existence } from '@deployforge/catalog';
import { archiveName } from '@deployforge/targets';
import type { ResolvedVersion } from '@deployforge/version';
import { resolveRepository } from './resolve-repository.js';

/**
 * The hub's existence fact for plan: is the release for this version published with an archive for
 * every configured target (and SHA256SUMS when enabled)? `identical` lets a redeploy skip build and
 * release; a draft or a missing archive is `absent` so the hub finishes the job.
 */
export async function releaseExistence(
  client: GitHubClient,
  loaded: LoadedConfig,
  version: ResolvedVersion,
  env: Readonly<Record<string, string | undefined>>,
  /** Errors to throw rather than answer `unknown` (describeReleaseState's `raise`). */
  raise?: (error: unknown) => boolean,
): Promise<Existence> {
  const { owner, repo } = resolveRepository(loaded, env);
  const project = loaded.config.project.name;
  const expected = (loaded.config.build?.targets ?? []).map((t) => ({ name: archiveName(project, version.version, t) }));
  if (loaded.config.release?.checksums ?? true) expected.push({ name: SHA256SUMS_NAME });
  const state = await describeReleaseState(client, { owner, repo, tag: version.tag, expected, ...(raise ? { raise } : {}) });
  return {
    state: state.state,
    detail: state.detail,
    ...('url' in state ? { url: state.url } : {}),
  };
}
