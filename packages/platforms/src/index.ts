export {
  SPOKE_IDS, PLATFORMS, isSpokeId,
  type SpokeId, type PlatformId, type PlatformInfo, type CredentialSpec,
} from './catalog.js';
export {
  EXISTENCE_STATES, SPOKE_STATUSES,
  type ExistenceState, type Existence, type SpokeStatus,
} from './existence.js';
export type { Platform, PlatformContext, RenderedFile, PublishResult, LiveStatus, ReleaseAsset } from './platform.js';
export { loadPlatform, isImplemented } from './registry.js';
export { loadSnapshotBuilder, snapshotContext, type SnapshotBuilder } from './snapshot-builders.js';
export { SnapshotGapError } from './snapshot-gap-error.js';
export { keepPackage, keepRenderedFiles, spokeDistDir } from './keep-rendered-files.js';
export {
  buildReleasePackages, configuredPackageKinds, isReleasePackageFile, releasePackageName,
  packagesOfRelease, type ReleasePackage, type ReleasePackageKind, type ReleasePackagesOptions,
} from './linux-packages/release-packages.js';
