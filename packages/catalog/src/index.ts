// A leaf: nothing here imports another DeployForge package, so every package (config, plan, workflow,
// the CLI, the platforms themselves) can depend on it without a cycle and without loading any
// platform implementation.
export {
  SPOKE_IDS, PLATFORMS, isSpokeId,
  type SpokeId, type PlatformId, type PlatformInfo, type CredentialSpec,
} from './platform-catalog.js';
export {
  EXISTENCE_STATES, SPOKE_STATUSES,
  type ExistenceState, type Existence, type SpokeStatus,
} from './existence.js';
export { publishJobId, publishActionName } from './spoke-jobs.js';
