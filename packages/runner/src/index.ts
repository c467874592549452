export { runLocalRelease, type LocalReleaseFlags, type LocalReleaseResult } from './run-local-release.js';
export { buildArtifacts, buildEnv, type BuildOptions } from './build-artifacts.js';
export { packageTarget, type PackageTargetOptions, type PackagedTarget } from './package-target.js';
export { expandBuildPath } from './expand-build-path.js';
export { localReleaseAssets, attachLocalPaths } from './local-assets.js';
export { openReleaseSession, type ReleaseSession } from './release-session.js';
export { releaseTagAtHead, releaseTagAtHeadIfAny } from './head-tag.js';
export { runPublish } from './run-publish.js';
export { runCheckExists } from './run-check-exists.js';
// Live state after a release: drift, downloads, rollback, announcements.
export {
  runStatus, selectNewestRelease, driftState, DRIFT_STATES, type DriftState, type DriftReport, type DriftPlatformStatus,
} from './run-status.js';
export { historySourceOf, parseHistorySource, readConfiguredHistory, readPublishedHistory, type HistorySource, type PublishedHistory } from './read-published-history.js';
export { syncDriftIssue, type DriftIssueResult, type DriftIssueAction, type DriftIssueOptions } from './sync-drift-issue.js';
export { runStats, NOT_PUBLISHED, type StatsReport, type PlatformDownloads } from './run-stats.js';
export { runRollback, type RollbackReport, type RollbackOutcome } from './run-rollback.js';
export { announceRelease, type AnnounceResult, type AnnounceTarget } from './announce-release.js';
export { slackPayload, discordPayload, genericPayload, announcementTable, announcementHeadline } from './announce-payloads.js';
export { runVerify, type VerifyOptions, type VerifyResult, type VerifiedAsset, type AttestationCheck } from './run-verify.js';
export { type SignatureChecks } from './verify-signatures.js';
export { type GpgCheck } from './verify-gpg.js';
export { ACTIONS_OIDC_ISSUER, certificateIdentityRegexp, cosignVerifyArgs, type ToolCheck } from './verify-sigstore.js';
// The offline rehearsal: `release --snapshot`.
export { runSnapshot, type SnapshotFlags, type SnapshotResult, type SnapshotEntry } from './run-snapshot.js';
export { snapshotVersion, nextVersion, snapshotCommit } from './snapshot-version.js';
