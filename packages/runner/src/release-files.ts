import type { LoadedConfig } from '@deployforge/config';
import { findReleaseByTag, listReleaseAssets, sha256FromDigest, type GitHubClient } from '@deployforge/github';
import { resolveRepository } from '@deployforge/hub';
import type { HubResultLike } from '@deployforge/status';
import type { ResolvedVersion } from '@deployforge/version';

/**
 * Every file of an existing release, for the status of a run that did not need the hub. The spokes'
 * asset list holds only the archives they publish and SHA256SUMS; the status must also see the SBOM
 * and the signatures, or it would report a signed release as unsigned.
 */
export async function existingReleaseFiles(
  client: GitHubClient,
  loaded: LoadedConfig,
  version: ResolvedVersion,
  env: Readonly<Record<string, string | undefined>>,
): Promise<HubResultLike['assets'] | undefined> {
  const { owner, repo } = resolveRepository(loaded, env);
  const release = await findReleaseByTag(client, owner, repo, version.tag);
  if (!release) return undefined;
  return (await listReleaseAssets(client, owner, repo, release.id))
    .filter((a) => a.state === 'uploaded')
    .map((a) => ({ name: a.name, size: a.size, sha256: sha256FromDigest(a.digest) ?? '', url: a.browser_download_url }));
}
