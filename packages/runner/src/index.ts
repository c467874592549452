export { runLocalRelease, type LocalReleaseFlags, type LocalReleaseResult } from './run-local-release.js';
export { buildArtifacts, buildEnv, type BuildOptions } from './build-artifacts.js';
export { expandBuildPath } from './expand-build-path.js';
export { localReleaseAssets, attachLocalPaths } from './local-assets.js';
export { openReleaseSession, type ReleaseSession } from './release-session.js';
export { runPublish } from './run-publish.js';
export { runCheckExists } from './run-check-exists.js';
