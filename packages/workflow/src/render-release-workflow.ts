import type { LoadedConfig } from '@deployforge/config';
import { buildJob } from './build-job.js';
import { credentialCheckJobs } from './credential-check-jobs.js';
import { concurrencyGroup } from './job-conditions.js';
import { withJobTimeouts } from './job-timeouts.js';
import { planJob } from './plan-job.js';
import { publishJob } from './publish-job.js';
import { NOT_ON_PULL_REQUEST, PULL_REQUEST_JOB_ID, pullRequestJob } from './pull-request-job.js';
import { releaseJob } from './release-job.js';
import { signJob, signJobNeeded } from './sign-job.js';
import { ownActionComments, resolveRenderOptions, type RenderOptions, type ResolvedRenderOptions } from './render-options.js';
import { serializeWorkflow } from './serialize-workflow.js';
import { summarizeJob } from './summarize-job.js';
import { statusPublishJobs, statusPublishTarget } from './status-publish-jobs.js';
import { releaseTriggers } from './release-triggers.js';
import { workflowHeader } from './workflow-header.js';
import { checkWorkflowSize } from './workflow-size-limit.js';
import { workflowSpokes } from './workflow-spokes.js';
import type { Job, Workflow } from './workflow-types.js';

/**
 * The hub-and-spoke release workflow as data: plan → build → (sign) → release →
 * publish-<key>… → summarize (DESIGN.md). Pure: the same config and options always give the same object.
 */
export function releaseWorkflow(loaded: LoadedConfig, options: RenderOptions = {}): Workflow {
  const resolved = effectiveRenderOptions(loaded, options);
  const { config } = loaded;
  const tagPrefix = config.version?.['tag-prefix'] ?? 'v';
  const runsOn = config.workflow?.['runs-on'] ?? 'ubuntu-latest';
  const spokes = workflowSpokes(loaded);

  const signingSecrets = [config.release?.['gpg-key'], config.release?.['gpg-passphrase']].filter((s): s is string => s !== undefined);
  // The plan job runs in the publish environment to see its secrets (plan-job.ts says why).
  const planEnvironment = config.workflow?.environment ?? 'release';
  const checks = credentialCheckJobs(spokes, config, planEnvironment, runsOn);
  const jobs: Record<string, Job> = {
    plan: planJob({ options: resolved, spokes, tagPrefix, runsOn, signingSecrets, environment: planEnvironment }),
    // Required spokes whose secrets sit in another environment than the plan job's: checked there.
    ...checks,
    build: buildJob(config, loaded.file, (p) => loaded.locate(p), resolved),
  };
  // Nothing is built, so nothing written, until every required credential is known to be there.
  if (Object.keys(checks).length > 0) jobs.build = { ...jobs.build!, needs: ['plan', ...Object.keys(checks)] };
  if (signJobNeeded(config)) jobs.sign = signJob(config, resolved, runsOn);
  jobs.release = releaseJob(config, resolved, runsOn);
  for (const spoke of spokes) jobs[spoke.jobId] = publishJob(spoke, config, resolved, runsOn);
  const publish = statusPublishTarget(config);
  jobs.summarize = summarizeJob(spokes.map((s) => s.jobId), resolved, runsOn, { signed: signJobNeeded(config), credentialChecks: Object.keys(checks), ...(publish ? { publish } : {}) });
  // status.pages / status.branch: the dashboard leaves the artifact for a stable URL.
  Object.assign(jobs, statusPublishJobs(config, runsOn));
  // workflow.pull-requests: the check job runs on pull requests, and nothing of the release does.
  // Jobs that need the plan are skipped with it; summarize (`always()`) is kept off explicitly.
  const pullRequests = config.workflow?.['pull-requests'] === true;
  if (pullRequests) {
    jobs.plan = { ...jobs.plan!, if: NOT_ON_PULL_REQUEST };
    jobs.summarize = { ...jobs.summarize!, if: `${jobs.summarize!.if ?? 'always()'} && ${NOT_ON_PULL_REQUEST}` };
    jobs[PULL_REQUEST_JOB_ID] = pullRequestJob(config, resolved, runsOn);
  }

  return {
    name: 'Release',
    on: { ...releaseTriggers(tagPrefix), ...(pullRequests ? { pull_request: {} } : {}) },
    // Nothing by default; each job asks for exactly what it uses.
    permissions: {},
    concurrency: { group: concurrencyGroup(tagPrefix), 'cancel-in-progress': false },
    jobs: withJobTimeouts(jobs, config),
  };
}

/** The options as given, with `workflow.actions-ref` from the config where no flag chose the ref. */
function effectiveRenderOptions(loaded: LoadedConfig, options: RenderOptions): ResolvedRenderOptions {
  const actionsRef = options.actionsRef ?? loaded.config.workflow?.['actions-ref'];
  return resolveRenderOptions({ ...options, ...(actionsRef !== undefined ? { actionsRef } : {}) });
}

/**
 * `.github/workflows/release.yml` for a config: the generated header, then the workflow. Pure and
 * byte-stable, so `generate --check` and doctor can compare it with the committed file.
 */
export function renderReleaseWorkflow(loaded: LoadedConfig, options: RenderOptions = {}): string {
  const effective = effectiveRenderOptions(loaded, options);
  // The header repeats the flags as given (the config's own ref is read again from the config).
  const pinned = effective.actionsSha ? { sha: effective.actionsSha, ref: effective.actionsRef } : undefined;
  const text = serializeWorkflow(releaseWorkflow(loaded, options), workflowHeader(resolveRenderOptions(options), pinned), ownActionComments(effective));
  checkWorkflowSize(text, loaded);
  return text;
}
