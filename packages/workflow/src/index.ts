export { renderReleaseWorkflow, releaseWorkflow } from './render-release-workflow.js';
export {
  type RenderOptions, type ResolvedRenderOptions, resolveRenderOptions, generateFlags,
  DEFAULT_ACTIONS_REPO, DEFAULT_ACTIONS_REF, DEFAULT_CONFIG_PATH, DEFAULT_WORKFLOW_PATH, LOCAL_ACTIONS_REPO,
} from './render-options.js';
export { DEPLOYFORGE_RELEASE } from './deployforge-release.js';
export { DEFAULT_TIMEOUT_MINUTES, jobTimeoutMinutes, type JobKind } from './job-timeouts.js';
export { GENERATED_MARKER, hasGeneratedHeader, optionsFromHeader, pinnedActionsFromHeader, regenerateCommand } from './workflow-header.js';
export { planOutputs, PLAN_OUTPUT_NAMES } from './plan-outputs.js';
export { PINNED_ACTIONS, FULL_SHA, type PinnedAction } from './pinned-actions.js';
export { workflowSpokes, credentialInputName, type WorkflowSpoke } from './workflow-spokes.js';
export { tagPattern } from './release-triggers.js';
export type { Workflow, Job, Step, Permissions } from './workflow-types.js';
export { runDoctor, type DoctorInput } from './run-doctor.js';
export { formatFinding, type DoctorFinding, type DoctorRule } from './doctor-finding.js';
export { filterPatternToRegExp, matchesFilterList } from './tag-filter.js';
export { renderStarterWorkflow, starterWorkflow, starterWorkflowProperties } from './starter-workflow.js';
export { STARTER_OUTPUT_NAMES, type PublishMatrixEntry } from './plan-outputs.js';
export { statusPublishJobs, statusPublishTarget, PUSH_SITE_SCRIPT, STATUS_PAGES_JOB, STATUS_BRANCH_JOB, type StatusPublishTarget } from './status-publish-jobs.js';
export { STATUS_ARTIFACT } from './summarize-job.js';
