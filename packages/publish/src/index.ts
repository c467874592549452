export { publishSpoke, type PublishSpokeOptions } from './publish-spoke.js';
export { runSpokes, memoizeFetch, type RunSpokesOptions } from './run-spokes.js';
export { credentialValues } from './credential-values.js';
export type { SpokeOutcome } from './spoke-outcome.js';
