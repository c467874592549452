export {
  createGitHubClient,
  DEFAULT_GITHUB_API_URL,
  type DeployforgeOctokit,
  type GitHubClient,
  type GitHubClientOptions,
} from './octokit-factory.js';
export { loadGitHubClient } from './load-github-client.js';
export { HASH_CHUNK_BYTES, sha256File } from './sha256-file.js';
export { parseSha256Sums, renderSha256Sums, type Sha256SumEntry } from './sha256sums.js';
export {
  AssetUploadError,
  assetUploadUrl,
  uploadAssetStream,
  type AssetUploadErrorKind,
  type UploadAssetStreamOptions,
} from './upload-asset-stream.js';
export { decideAsset, type AssetDecision, type LocalAssetFacts, type RemoteAssetFacts } from './decide-asset.js';
export { MAX_ASSET_BYTES, MAX_ASSETS_PER_RELEASE, preflightAssets, type PlannedAsset } from './preflight.js';
export { AmbiguousReleaseError, findReleaseByTag, listReleaseAssets, listReleases, selectReleaseForTag } from './find-release.js';
export { describeReleaseState, type ExpectedAsset, type ReleaseState } from './describe-release-state.js';
export {
  publishRelease,
  type PublishedAsset,
  type PublishReleaseOptions,
  type ReleaseNotesSource,
  type ReleaseResult,
} from './publish-release.js';
export { AssetConflictError, ReleaseStepError } from './release-errors.js';
export { describeLocalAssets, digestsOf, SHA256SUMS_NAME, writeChecksumsAsset, type LocalAsset } from './local-assets.js';
export { contentTypeFor } from './content-type.js';
export { sha256FromDigest, type RemoteAsset, type RemoteRelease } from './release-types.js';
export { downloadVerifiedAsset, AssetDownloadError, type DownloadOptions } from './download-verified-asset.js';
export { mapWithConcurrency } from './map-with-concurrency.js';
export { isSignatureFile, provenanceBundleName, SHA256SUMS_GPG_NAME, SHA256SUMS_SIGSTORE_NAME } from './signature-files.js';
export type { ChecksumSigner } from './checksum-signer.js';
export { planSignatures, type SignaturePlan } from './plan-signatures.js';
