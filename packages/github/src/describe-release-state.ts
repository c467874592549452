import { AmbiguousReleaseError, findReleaseByTag, listReleaseAssets } from './find-release.js';
import type { GitHubClient } from './octokit-factory.js';
import { httpFailure } from './release-errors.js';
import { sha256FromDigest, type RemoteRelease } from './release-types.js';

/** What plan's existence check may know about an asset before the build: at least its name. */
export interface ExpectedAsset {
  name: string;
  size?: number;
  sha256?: string;
}

export type ReleaseState =
  /** No release for the tag, or only an unfinished one (`partial`): the hub must run. */
  | { state: 'absent'; partial: boolean; detail: string; releaseId?: number }
  /** Published, and every expected asset is there, complete, matching what was given. */
  | { state: 'identical'; detail: string; releaseId: number; url: string }
  /** Published with an asset whose size or sha256 differs: only `force` (and no immutability) may fix it. */
  | { state: 'different'; detail: string; releaseId: number; url: string }
  /** The check itself failed; `detail` says why. */
  | { state: 'unknown'; detail: string };

/**
 * The hub's existence answer for plan: is release `tag` already complete? Reads only. A draft, or a
 * published release missing expected assets, is `absent` with `partial: true` (the hub finishes it,
 * which is not a conflict).
 */
export async function describeReleaseState(
  client: GitHubClient,
  options: { owner: string; repo: string; tag: string; expected: readonly ExpectedAsset[] },
): Promise<ReleaseState> {
  const { owner, repo, tag } = options;
  let release: RemoteRelease | undefined;
  try {
    release = await findReleaseByTag(client, owner, repo, tag);
  } catch (error) {
    if (error instanceof AmbiguousReleaseError) return { state: 'unknown', detail: error.message };
    const { status, message } = httpFailure(error);
    return { state: 'unknown', detail: `listing releases of ${owner}/${repo} failed${status ? ` (HTTP ${status})` : ''}: ${message}` };
  }
  if (!release) return { state: 'absent', partial: false, detail: `no release for ${tag}` };
  if (release.draft) {
    return { state: 'absent', partial: true, releaseId: release.id, detail: `release ${tag} is a draft (id ${release.id}): an earlier run did not finish` };
  }
  let assets;
  try {
    assets = await listReleaseAssets(client, owner, repo, release.id);
  } catch (error) {
    const { status, message } = httpFailure(error);
    return { state: 'unknown', detail: `listing assets of release ${tag} failed${status ? ` (HTTP ${status})` : ''}: ${message}` };
  }
  const missing: string[] = [];
  const differing: string[] = [];
  for (const expected of options.expected) {
    const remote = assets.find((a) => a.name === expected.name);
    if (!remote || remote.state !== 'uploaded') {
      missing.push(expected.name);
      continue;
    }
    const remoteSha = sha256FromDigest(remote.digest);
    if (expected.size !== undefined && remote.size !== expected.size) differing.push(`${expected.name} (size ${remote.size}, expected ${expected.size})`);
    else if (expected.sha256 !== undefined && remoteSha !== undefined && remoteSha !== expected.sha256) {
      differing.push(`${expected.name} (sha256:${remoteSha}, expected sha256:${expected.sha256})`);
    }
  }
  const base = { releaseId: release.id, url: release.html_url };
  if (differing.length > 0) return { state: 'different', ...base, detail: `release ${tag} differs: ${differing.join(', ')}` };
  if (missing.length > 0) {
    return { state: 'absent', partial: true, releaseId: release.id, detail: `release ${tag} is published but lacks ${missing.join(', ')}` };
  }
  return { state: 'identical', ...base, detail: `release ${tag} is published with all ${options.expected.length} expected assets` };
}
