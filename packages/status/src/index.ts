export type { StatusDocument, PlatformStatus, ReleaseAssetStatus } from './status-document.js';
export { buildStatusDocument, requiredFailures, type SpokeResultLike, type HubResultLike } from './build-status-document.js';
