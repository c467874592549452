export { runHub, type HubOptions } from './run-hub.js';
export { releaseExistence } from './release-existence.js';
export { resolveRepository, type Repository } from './resolve-repository.js';
export { collectArtifacts } from './collect-artifacts.js';
export { releaseNotesSource } from './release-notes-source.js';
export { loadReleaseAssets, assetFetcher, readReleaseSums, ReleaseIncompleteError, type HubAsset } from './release-assets.js';
