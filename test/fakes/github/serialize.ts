// Turns state into the JSON objects GitHub answers with (keys and value types as in the description and in
// recorded real traffic; test/fakes/github-shapes.test.ts compares them).

import type { FakeContext } from './context.js';
import type { FakeAsset, FakeRelease, FakeRepo } from './state.js';

export function simpleUser(base: string, login: string, id: number): Record<string, unknown> {
  const u = `${base}/users/${login}`;
  return {
    login,
    id,
    node_id: `U_kgDO${Buffer.from(String(id)).toString('base64url')}`,
    avatar_url: `${base}/avatars/u/${id}?v=4`,
    gravatar_id: '',
    url: u,
    html_url: `${base}/html/${login}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type: 'User',
    user_view_type: 'public',
    site_admin: false,
  };
}

function repoApi(fake: FakeContext, repo: FakeRepo): string {
  return `${fake.url}/repos/${repo.owner}/${repo.name}`;
}

/** The URL a browser would download the asset from (served by the fake itself). */
export function browserDownloadUrl(fake: FakeContext, repo: FakeRepo, release: FakeRelease, asset: FakeAsset): string {
  return `${fake.url}/download/${repo.owner}/${repo.name}/releases/download/${encodeURIComponent(release.urlTag)}/${encodeURIComponent(asset.name)}`;
}

export function assetJson(fake: FakeContext, repo: FakeRepo, release: FakeRelease, asset: FakeAsset): Record<string, unknown> {
  return {
    url: `${repoApi(fake, repo)}/releases/assets/${asset.id}`,
    id: asset.id,
    node_id: asset.nodeId,
    name: asset.name,
    label: asset.label,
    uploader: fake.user,
    content_type: asset.contentType,
    state: asset.state,
    size: asset.size,
    digest: asset.sha256 === null || fake.quirks.stripDigests ? null : `sha256:${asset.sha256}`,
    download_count: asset.downloadCount,
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
    browser_download_url: browserDownloadUrl(fake, repo, release, asset),
  };
}

export function releaseJson(fake: FakeContext, repo: FakeRepo, release: FakeRelease): Record<string, unknown> {
  const api = repoApi(fake, repo);
  return {
    url: `${api}/releases/${release.id}`,
    assets_url: `${api}/releases/${release.id}/assets`,
    upload_url: `${fake.uploadUrl}/repos/${repo.owner}/${repo.name}/releases/${release.id}/assets{?name,label}`,
    html_url: `${fake.url}/html/${repo.owner}/${repo.name}/releases/tag/${encodeURIComponent(release.urlTag)}`,
    id: release.id,
    author: fake.user,
    node_id: release.nodeId,
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    draft: release.draft,
    immutable: fake.quirks.immutableReleases && !release.draft,
    prerelease: release.prerelease,
    created_at: release.createdAt,
    updated_at: release.updatedAt,
    published_at: release.publishedAt,
    assets: release.assets.map((a) => assetJson(fake, repo, release, a)),
    // A draft has no tag yet, so nothing to archive.
    tarball_url: release.draft ? null : `${api}/tarball/${encodeURIComponent(release.tagName)}`,
    zipball_url: release.draft ? null : `${api}/zipball/${encodeURIComponent(release.tagName)}`,
    body: release.body,
  };
}
