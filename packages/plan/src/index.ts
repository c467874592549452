export { createPlan, type PlanInput } from './create-plan.js';
export { parsePlatformSelection, isSelected } from './parse-selection.js';
export { credentialFactsFromEnv, planCredentials, type CredentialFacts } from './credential-facts.js';
export { decideSpoke, type SpokeFacts, type SpokeDecision } from './decide-spoke.js';
export { decideRelease, decideBuild } from './decide-release.js';
export { spokeKeys, type SpokeKey } from './spoke-keys.js';
export { planTargets } from './plan-targets.js';
export type {
  Plan, PlannedTarget, MatrixEntry, SpokePlan, SpokeReason, JobDecision, CredentialPlan,
  PlatformSelection, Trigger,
} from './plan-types.js';
export { signingCredentialGaps } from './signing-credentials.js';
