export type { StatusDocument, PlatformStatus, ReleaseAssetStatus } from './status-document.js';
