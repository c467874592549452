/**
 * Every `if:` and ref expression of the generated workflow, in one place, because they are the
 * part that decides what runs; test/workflow simulates each of them against tag pushes and
 * dispatches.
 */

/** Build only when the plan says the release lacks archives (no rebuild on a selective redeploy). */
export const BUILD_IF = "needs.plan.outputs.build-needed == 'true'";

/**
 * The hub runs when the plan wants it and every build leg succeeded (one missing archive must not
 * become a half release). No status function, so the implicit `success()` also stops it when the
 * plan failed or the run was cancelled.
 */
export const RELEASE_IF = "needs.plan.outputs.release-needed == 'true' && needs.build.result == 'success'";

/**
 * A spoke runs after a successful plan when the hub either succeeded or was skipped *because the
 * release is already complete* (selective redeploy). `always()` is what keeps a skipped hub from
 * skipping every spoke (DESIGN.md: a job whose needs were skipped is skipped too); the explicit
 * results then put back the safety `success()` would have given. "Skipped" alone is not enough:
 * when a build leg fails the hub is skipped too, and spokes must not publish a release that was
 * never made, so a skipped hub only counts when the plan said it was not needed.
 */
export function publishIf(jobId: string): string {
  return `always() && needs.plan.result == 'success' && (needs.release.result == 'success' || (needs.release.result == 'skipped' && needs.plan.outputs.release-needed == 'false')) && needs.plan.outputs.${jobId} == 'true'`;
}

/** The summary reports every outcome, failures and skips included. */
export const SUMMARIZE_IF = 'always()';

/** After the plan: the tag it resolved and validated. */
export const PLANNED_TAG_REF = '${{ format(\'refs/tags/{0}\', needs.plan.outputs.tag) }}';

/**
 * One concurrency group per release, the same for a tag push (`v1.2.3`) and a dispatch of that
 * version (`1.2.3` or `v1.2.3` → `v1.2.3`: the plan accepts both forms), so a redeploy queues
 * behind a running release instead of racing it.
 */
export function concurrencyGroup(tagPrefix: string): string {
  const tag = `startsWith(inputs.version, '${tagPrefix}') && inputs.version || format('${tagPrefix}{0}', inputs.version)`;
  return `deployforge-release-\${{ inputs.version && (${tag}) || github.ref_name }}`;
}

/**
 * Dispatch inputs as action inputs. On a tag push `inputs` is empty, so booleans are compared
 * rather than passed through: an action gets `true`/`false`, never an empty string.
 */
export const INPUT_EXPRESSIONS = {
  version: '${{ inputs.version }}',
  platforms: "${{ inputs.platforms || 'all' }}",
  force: '${{ inputs.force == true }}',
  'dry-run': '${{ inputs.dry-run == true }}',
} as const;
