export { publishSpoke, type PublishSpokeOptions } from './publish-spoke.js';
export type { SpokeOutcome } from './spoke-outcome.js';
