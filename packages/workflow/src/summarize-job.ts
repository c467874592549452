import { checkoutStep } from './checkout-step.js';
import { SUMMARIZE_IF } from './job-conditions.js';
import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import { ownAction, type ResolvedRenderOptions } from './render-options.js';
import type { StatusPublishTarget } from './status-publish-jobs.js';
import type { Job } from './workflow-types.js';

export const STATUS_ARTIFACT = 'deployforge-status';

/**
 * The tag to read the config at. After a failed plan (bad dispatch input) there is no planned
 * tag; the summary then reads the config of the commit the run started from, only to name the
 * required platforms: nothing in this job publishes.
 */
const SUMMARY_REF = "${{ needs.plan.outputs.tag && format('refs/tags/{0}', needs.plan.outputs.tag) || github.sha }}";

/**
 * `summarize`: always runs, reads every job's result and outputs, writes the job summary,
 * `status.json`, dashboard and badge, and fails only when a required platform failed. `build` is
 * among its needs so a failed build is named as the reason the hub did not run.
 */
export function summarizeJob(
  publishJobIds: readonly string[], options: ResolvedRenderOptions, runsOn: string,
  graph: { signed?: boolean; credentialChecks?: readonly string[]; publish?: StatusPublishTarget } = {},
): Job {
  const target = graph.publish;
  // With a published dashboard, summarize reads its history.json to add this run: through the
  // contents API for a branch, from the site itself (found with the Pages API) for Pages.
  const history: Record<string, string> = target ? { history: target.kind === 'pages' ? 'pages' : `branch:${target.branch}`, token: '${{ github.token }}' } : {};
  return {
    name: 'summarize',
    // `sign` too, when there is one: a failed signature is the reason the hub did not run; and the
    // credential checks, whose failure is the reason nothing was built.
    needs: ['plan', ...(graph.credentialChecks ?? []), 'build', ...(graph.signed ? ['sign'] : []), 'release', ...publishJobIds],
    if: SUMMARIZE_IF,
    'runs-on': runsOn,
    permissions: { contents: 'read', ...(target?.kind === 'pages' ? { pages: 'read' as const } : {}) },
    ...(target ? { outputs: { publish: '${{ steps.summarize.outputs.publish }}' } } : {}),
    steps: [
      checkoutStep(SUMMARY_REF, 'Check out the config'),
      {
        name: 'Summarize the release',
        id: 'summarize',
        uses: ownAction(options, 'summarize'),
        with: { config: options.configPath, results: '${{ toJSON(needs) }}', 'output-dir': STATUS_ARTIFACT, ...history },
      },
      {
        name: 'Upload status.json and the dashboard',
        // Also when summarize failed because a required platform did: that is when it is read.
        if: '${{ !cancelled() }}',
        uses: pinnedUses(PINNED_ACTIONS.uploadArtifact),
        // overwrite: a re-run's summary replaces the earlier attempt's (409 Conflict otherwise).
        with: { name: STATUS_ARTIFACT, path: STATUS_ARTIFACT, 'if-no-files-found': 'warn', overwrite: true },
      },
    ],
  };
}
