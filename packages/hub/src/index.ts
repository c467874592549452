export { runHub, type HubOptions } from './run-hub.js';
export { releaseExistence } from './release-existence.js';
export { resolveRepository, type Repository } from './resolve-repository.js';
export { collectArtifacts } from './collect-artifacts.js';
export { checkArtifactNames, collectReleaseArtifacts, type ArtifactsCheck } from './check-release-artifacts.js';
export { releaseNotesSource } from './release-notes-source.js';
export { loadRelease, loadReleaseAssets, assetFetcher, readReleaseSums, ReleaseIncompleteError, type HubAsset, type ReleaseFile } from './release-assets.js';
export { prepareRelease, type PreparedRelease, type PrepareReleaseOptions } from './prepare-release.js';
export { releaseSigner, type ReleaseSignerOptions } from './release-signer.js';
export {
  configuredInstallers, installerFacts, INSTALLER_FILES, renderInstallPs1, renderInstallSh, renderReleaseInstallers, writeReleaseInstallers,
  type InstallerFacts, type InstallerKind,
} from './installers/index.js';
export { suppliedPackageFiles, writeReleasePackages, type ReleasePackagesOptions } from './linux-packages/index.js';
