export { createPlan, type PlanInput } from './create-plan.js';
export { parsePlatformSelection, isSelected } from './parse-selection.js';
export { credentialFactsFromEnv, planCredentials, describeMissingCredentials, type CredentialFacts, type SpokeCredentialContext } from './credential-facts.js';
export { checkRequiredCredentials } from './required-credentials.js';
export { customCommandCredentials, spokeCredentialInfo } from './custom-command-credentials.js';
export { trustedPublishingDeclared } from './trusted-publishing.js';
export { spokeDisplayName } from './spoke-display-name.js';
export { decideSpoke, type SpokeFacts, type SpokeDecision } from './decide-spoke.js';
export { decideRelease, decideBuild } from './decide-release.js';
export { spokeKeys, type SpokeKey } from './spoke-keys.js';
export { planTargets } from './plan-targets.js';
export type {
  Plan, PlannedTarget, MatrixEntry, SpokePlan, SpokeReason, JobDecision, CredentialPlan,
  PlatformSelection, Trigger,
} from './plan-types.js';
export { signingCredentialGaps } from './signing-credentials.js';
