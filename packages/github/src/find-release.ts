import type { GitHubClient } from './octokit-factory.js';
import type { RemoteAsset, RemoteRelease } from './release-types.js';

/** More than one draft claims the tag: only a person can tell which one is meant. */
export class AmbiguousReleaseError extends Error {
  override readonly name = 'AmbiguousReleaseError';
  constructor(
    readonly tag: string,
    readonly releaseIds: readonly number[],
  ) {
    super(
      `${releaseIds.length} draft releases exist for tag ${tag} (ids ${releaseIds.join(', ')}); ` +
        'delete all but one on GitHub, then re-run',
    );
  }
}

/** Every release of the repository, drafts included (listing is the only API that shows drafts). */
export async function listReleases(client: GitHubClient, owner: string, repo: string): Promise<RemoteRelease[]> {
  return (await client.octokit.paginate(client.octokit.rest.repos.listReleases, {
    owner,
    repo,
    per_page: 100,
  })) as RemoteRelease[];
}

/**
 * Pick the release for `tag` among `releases`: the published one if any (a tag has at most one), else
 * the single draft, else undefined. Two or more drafts without a published release is an error naming
 * every id. Stray drafts next to a published release are reported through `onStrayDrafts` and ignored.
 */
export function selectReleaseForTag(
  releases: readonly RemoteRelease[],
  tag: string,
  onStrayDrafts?: (ids: number[]) => void,
): RemoteRelease | undefined {
  const matching = releases.filter((r) => r.tag_name === tag);
  const published = matching.filter((r) => !r.draft);
  const drafts = matching.filter((r) => r.draft);
  if (published.length > 0) {
    if (drafts.length > 0) onStrayDrafts?.(drafts.map((d) => d.id));
    return published[0];
  }
  if (drafts.length > 1) throw new AmbiguousReleaseError(tag, drafts.map((d) => d.id).sort((a, b) => a - b));
  return drafts[0];
}

/**
 * Find the release for a tag, drafts included. `GET /releases/tags/{tag}` only sees published
 * releases, and a draft left by an interrupted run must be found and finished, not duplicated.
 */
export async function findReleaseByTag(
  client: GitHubClient,
  owner: string,
  repo: string,
  tag: string,
): Promise<RemoteRelease | undefined> {
  const releases = await listReleases(client, owner, repo);
  return selectReleaseForTag(releases, tag, (ids) =>
    client.log.warning(`ignoring draft release(s) ${ids.join(', ')} for ${tag}: a published release exists for that tag`),
  );
}

/**
 * The assets of a release as they are now. Release objects embed assets, but listings can be stale
 * right after an upload, so decisions read this endpoint.
 */
export async function listReleaseAssets(
  client: GitHubClient,
  owner: string,
  repo: string,
  releaseId: number,
): Promise<RemoteAsset[]> {
  return (await client.octokit.paginate(client.octokit.rest.repos.listReleaseAssets, {
    owner,
    repo,
    release_id: releaseId,
    per_page: 100,
  })) as RemoteAsset[];
}
