import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedConfig } from '@deployforge/config';
import {
  downloadVerifiedAsset, findReleaseByTag, listReleaseAssets, parseSha256Sums, sha256FromDigest, SHA256SUMS_NAME,
  type GitHubClient, type RemoteAsset,
} from '@deployforge/github';
import { UserFacingError } from '@deployforge/diagnostics';
import type { ReleaseAsset } from '@deployforge/platforms';
import { archiveName, type TargetId } from '@deployforge/targets';
import type { ResolvedVersion } from '@deployforge/version';
import { resolveRepository } from './resolve-repository.js';

/** The release a spoke reads from is missing or unfinished: the user re-runs the hub, it is no bug. */
export class ReleaseIncompleteError extends UserFacingError {
  override readonly name = 'ReleaseIncompleteError';
}

/** A release asset plus the API URL a token can download it from (drafts and private repos). */
export interface HubAsset extends ReleaseAsset {
  apiUrl: string;
}

/**
 * The text of a release's SHA256SUMS asset (through the API, so drafts and private repos work).
 * A connection cut mid-body still reaches us as a "successful" short string (Octokit does not
 * check lengths), so the bytes are checked against the asset's size and GitHub's digest, and a
 * short read is retried like any network failure instead of being mistaken for the whole file.
 */
export async function readReleaseSums(client: GitHubClient, owner: string, repo: string, asset: RemoteAsset, attempts = 3): Promise<string> {
  let problem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const response = await client.octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner, repo, asset_id: asset.id, headers: { accept: 'application/octet-stream' },
    });
    const data = response.data as unknown;
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data instanceof ArrayBuffer ? Buffer.from(data) : undefined;
    if (!bytes) throw new ReleaseIncompleteError(`${SHA256SUMS_NAME}: unexpected response while downloading it`);
    const digest = sha256FromDigest(asset.digest);
    if (bytes.length !== asset.size) {
      problem = `got ${bytes.length} of ${asset.size} bytes`;
    } else if (digest && createHash('sha256').update(bytes).digest('hex') !== digest) {
      problem = 'its sha256 does not match the digest GitHub reports';
    } else {
      return bytes.toString('utf8');
    }
    client.log.warning(`${SHA256SUMS_NAME}: download ${attempt} of ${attempts} was incomplete (${problem})${attempt < attempts ? '; retrying' : ''}`);
  }
  throw new ReleaseIncompleteError(`${SHA256SUMS_NAME} could not be downloaded whole (${problem}); re-run to retry`);
}

/**
 * What every spoke consumes: the release's archives with their sha256 from SHA256SUMS (the hub's
 * record), cross-checked with GitHub's own digest where it reports one. A release without an
 * archive for a configured target, or whose digests disagree, is refused here, before any spoke
 * renders a manifest pointing at it.
 */
export async function loadReleaseAssets(
  client: GitHubClient,
  loaded: LoadedConfig,
  version: ResolvedVersion,
  env: Readonly<Record<string, string | undefined>>,
): Promise<HubAsset[]> {
  return (await loadRelease(client, loaded, version, env)).assets;
}

/** A file of the release as GitHub lists it (sha256 from its digest; '' when GitHub reports none). */
export interface ReleaseFile {
  name: string;
  size: number;
  sha256: string;
  url: string;
}

/**
 * loadReleaseAssets, plus every file the release holds (SBOM, signatures, bundles…) from the same
 * listing: what a status document reports when the hub did not run.
 */
export async function loadRelease(
  client: GitHubClient,
  loaded: LoadedConfig,
  version: ResolvedVersion,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ assets: HubAsset[]; files: ReleaseFile[] }> {
  const { owner, repo } = resolveRepository(loaded, env);
  const release = await findReleaseByTag(client, owner, repo, version.tag);
  if (!release) throw new ReleaseIncompleteError(`no release for ${version.tag} in ${owner}/${repo} yet: publishing reads the release's files, so create the release first (\`deployforge release --version ${version.version}\` or the workflow's release job), then publish`);
  const remote = (await listReleaseAssets(client, owner, repo, release.id)).filter((a) => a.state === 'uploaded');
  const sumsAsset = remote.find((a) => a.name === SHA256SUMS_NAME);
  if (!sumsAsset) throw new ReleaseIncompleteError(`release ${version.tag} has no ${SHA256SUMS_NAME}: the hub did not finish; re-run it`);
  const sumsText = await readReleaseSums(client, owner, repo, sumsAsset);
  const sums = new Map(parseSha256Sums(sumsText).map((e) => [e.name, e.sha256]));

  const apiUrl = (a: RemoteAsset) => `${client.baseUrl}/repos/${owner}/${repo}/releases/assets/${a.id}`;
  const assets: HubAsset[] = [];
  const missing: string[] = [];
  for (const target of loaded.config.build?.targets ?? []) {
    const name = archiveName(loaded.config.project.name, version.version, target);
    const asset = remote.find((a) => a.name === name);
    const sha256 = sums.get(name);
    if (!asset || !sha256) {
      missing.push(name);
      continue;
    }
    const reported = sha256FromDigest(asset.digest);
    if (reported && reported !== sha256) {
      throw new ReleaseIncompleteError(`${name}: GitHub reports sha256 ${reported} but ${SHA256SUMS_NAME} says ${sha256}; refusing to publish it`);
    }
    assets.push({ name, target: target as TargetId, url: asset.browser_download_url, apiUrl: apiUrl(asset), size: asset.size, sha256 });
  }
  if (missing.length > 0) throw new ReleaseIncompleteError(`release ${version.tag} lacks ${missing.join(', ')}: re-run the hub to finish it`);
  // The digest of the bytes just read and checked, so a spoke can download SHA256SUMS verified even
  // where GitHub reports no digest (GHES).
  const sumsSha256 = createHash('sha256').update(sumsText, 'utf8').digest('hex');
  assets.push({ name: SHA256SUMS_NAME, url: sumsAsset.browser_download_url, apiUrl: apiUrl(sumsAsset), size: sumsAsset.size, sha256: sumsSha256 });
  // Every other file of the release (SBOM, signatures, provenance), for spokes that hand on the whole
  // release (the custom spoke's DEPLOYFORGE_ASSETS). Each needs a digest to be downloaded verified:
  // SHA256SUMS lists the SBOM; signatures are uploaded after it, so only GitHub's digest covers them.
  for (const file of remote) {
    if (assets.some((a) => a.name === file.name)) continue;
    const listed = sums.get(file.name);
    const reported = sha256FromDigest(file.digest);
    if (listed && reported && listed !== reported) {
      throw new ReleaseIncompleteError(`${file.name}: GitHub reports sha256 ${reported} but ${SHA256SUMS_NAME} says ${listed}; refusing to publish it`);
    }
    const sha256 = listed ?? reported;
    if (!sha256) {
      client.log.warning(`${file.name}: neither ${SHA256SUMS_NAME} nor GitHub gives its sha256, so spokes cannot download it verified and do not get it`);
      continue;
    }
    assets.push({ name: file.name, url: file.browser_download_url, apiUrl: apiUrl(file), size: file.size, sha256 });
  }
  const files = remote.map((a) => ({ name: a.name, size: a.size, sha256: sha256FromDigest(a.digest) ?? '', url: a.browser_download_url }));
  return { assets, files };
}

/** The `fetchAsset` of a spoke's context: a local verified copy, or a verified download into `dir`. */
export function assetFetcher(client: GitHubClient, dir: string): (asset: ReleaseAsset) => Promise<string> {
  return async (asset) => {
    if (asset.localPath) return asset.localPath;
    await mkdir(dir, { recursive: true });
    const apiUrl = (asset as Partial<HubAsset>).apiUrl;
    return downloadVerifiedAsset({
      url: apiUrl ?? asset.url,
      destination: join(dir, asset.name),
      sha256: asset.sha256,
      token: client.token(),
      accept: 'application/octet-stream',
    });
  };
}
