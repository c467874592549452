import { errorMessage } from '@deployforge/diagnostics';
import { AmbiguousReleaseError, findReleaseByTag, listReleaseAssets } from './find-release.js';
import type { GitHubClient } from './octokit-factory.js';
import { readReleaseAssetText, sha256OfReleaseAsset } from './hash-release-asset.js';
import { SHA256SUMS_NAME } from './local-assets.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { httpFailure } from './release-errors.js';
import { sha256FromDigest, type RemoteAsset, type RemoteRelease } from './release-types.js';
import { parseSha256Sums } from './sha256sums.js';

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
 * which is not a conflict). A failed read is `unknown`, unless `raise` claims the error: then it is
 * thrown (a local release stops on an unreachable GitHub or a refused token before it builds).
 */
export async function describeReleaseState(
  client: GitHubClient,
  options: { owner: string; repo: string; tag: string; expected: readonly ExpectedAsset[]; raise?: (error: unknown) => boolean },
): Promise<ReleaseState> {
  const { owner, repo, tag } = options;
  let release: RemoteRelease | undefined;
  try {
    release = await findReleaseByTag(client, owner, repo, tag);
  } catch (error) {
    if (error instanceof AmbiguousReleaseError) return { state: 'unknown', detail: error.message };
    if (options.raise?.(error)) throw error;
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
    if (options.raise?.(error)) throw error;
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
  const hashed = await compareWithoutDigests(client, options, assets);
  if (hashed.state === 'unknown') return { state: 'unknown', detail: `release ${tag}: ${hashed.detail}` };
  if (hashed.differing.length > 0) return { state: 'different', ...base, detail: `release ${tag} differs: ${hashed.differing.join(', ')}` };
  const how = hashed.count > 0 ? ` (${hashed.count} without a server digest checked by downloading and hashing them)` : '';
  return { state: 'identical', ...base, detail: `release ${tag} is published with all ${options.expected.length} expected assets${how}` };
}

/**
 * `identical` must mean the same bytes. Where the server reports no digest (GitHub Enterprise
 * Server before digests, proxies that strip it), the assets are downloaded and hashed, streamed,
 * and compared with the sha256 the caller gave or, for the plan's check that knows only names,
 * with the release's own SHA256SUMS (the hub's record, which every spoke verifies against).
 * Hashing rather than answering `unknown`: unknown makes plan rebuild and re-run the hub on every
 * redeploy, which costs far more than reading the archives once. It is `unknown`, with the
 * reason, only when there is nothing to compare with (no SHA256SUMS, an archive it does not list)
 * or a download fails.
 */
async function compareWithoutDigests(
  client: GitHubClient,
  options: { owner: string; repo: string; expected: readonly ExpectedAsset[] },
  assets: readonly RemoteAsset[],
): Promise<{ state: 'unknown'; detail: string } | { state: 'checked'; differing: string[]; count: number }> {
  const { owner, repo } = options;
  const todo = options.expected
    .map((expected) => ({ expected, remote: assets.find((a) => a.name === expected.name && a.state === 'uploaded')! }))
    .filter(({ remote }) => sha256FromDigest(remote.digest) === undefined);
  if (todo.length === 0) return { state: 'checked', differing: [], count: 0 };
  const names = todo.map((t) => t.expected.name).join(', ');
  try {
    let listed: Map<string, string> | undefined;
    if (todo.some((t) => t.expected.sha256 === undefined && t.expected.name !== SHA256SUMS_NAME)) {
      const sumsAsset = assets.find((a) => a.name === SHA256SUMS_NAME && a.state === 'uploaded');
      if (!sumsAsset) {
        return { state: 'unknown', detail: `the server reports no digest for ${names} and the release has no ${SHA256SUMS_NAME} to compare them with` };
      }
      const sums = await readReleaseAssetText(client, owner, repo, sumsAsset);
      const reported = sha256FromDigest(sumsAsset.digest);
      if (reported && reported !== sums.sha256) return { state: 'unknown', detail: `${SHA256SUMS_NAME} does not match the digest the server reports for it` };
      listed = new Map(parseSha256Sums(sums.text).map((e) => [e.name, e.sha256]));
    }
    const differing: string[] = [];
    let count = 0;
    for (const { expected } of todo) {
      if (expected.sha256 === undefined && expected.name !== SHA256SUMS_NAME && !listed?.has(expected.name)) {
        return { state: 'unknown', detail: `the server reports no digest for ${expected.name} and ${SHA256SUMS_NAME} does not list it` };
      }
    }
    await mapWithConcurrency(todo, 2, async ({ expected, remote }) => {
      const reference = expected.sha256 ?? listed?.get(expected.name);
      // SHA256SUMS itself, when only its name is expected: the archives matching its lines is the check.
      if (reference === undefined) return;
      const actual = await sha256OfReleaseAsset(client, owner, repo, remote);
      count++;
      if (actual !== reference) differing.push(`${expected.name} (sha256:${actual} by download, expected sha256:${reference})`);
    });
    return { state: 'checked', differing: differing.sort(), count };
  } catch (error) {
    return { state: 'unknown', detail: `the server reports no digest for ${names}, and downloading them to hash failed: ${errorMessage(error)}` };
  }
}
