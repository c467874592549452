import { checkoutStep } from './checkout-step.js';
import { INPUT_EXPRESSIONS } from './job-conditions.js';
import { PLAN_OUTPUT_NAMES } from './plan-outputs.js';
import { ownAction, type ResolvedRenderOptions } from './render-options.js';
import { REQUESTED_TAG_REF, requestedTagStep } from './requested-tag-step.js';
import { credentialNames, type WorkflowSpoke } from './workflow-spokes.js';
import type { Job } from './workflow-types.js';

export interface PlanJobInput {
  options: ResolvedRenderOptions;
  spokes: readonly WorkflowSpoke[];
  tagPrefix: string;
  runsOn: string;
  /**
   * The secret names of `release.gpg-key` and `release.gpg-passphrase`: the plan warns early when
   * one is not a repository secret (the sign job refuses a missing one before anything is written).
   */
  signingSecrets?: readonly string[];
}

/**
 * `plan`: validate the dispatch inputs, resolve the version, check what is already published and
 * which credentials exist, and emit the decisions every later job reads. It holds no secret:
 * only `DEPLOYFORGE_HAS_<NAME>` booleans (the plan reads them with credentialFactsFromEnv), so a
 * missing token fails the spoke's plan entry before anything is written anywhere.
 */
export function planJob({ options, spokes, tagPrefix, runsOn, signingSecrets = [] }: PlanJobInput): Job {
  const env: Record<string, string> = {};
  const secrets = [...credentialNames(spokes), ...signingSecrets];
  for (const name of new Set(secrets)) env[`DEPLOYFORGE_HAS_${name}`] = `\${{ secrets.${name} != '' }}`;
  // The plan job itself has no id-token permission, but every OIDC spoke's publish job has it: tell
  // the plan, so trusted publishing counts as a credential and a token secret stays optional.
  if (spokes.some((s) => s.oidc)) env.DEPLOYFORGE_HAS_OIDC = 'true';

  const outputs: Record<string, string> = {};
  for (const name of [...PLAN_OUTPUT_NAMES, ...spokes.map((s) => s.jobId)]) {
    outputs[name] = `\${{ steps.plan.outputs.${name} }}`;
  }
  return {
    name: 'plan',
    'runs-on': runsOn,
    permissions: { contents: 'read' },
    outputs,
    env,
    steps: [
      requestedTagStep(tagPrefix),
      checkoutStep(REQUESTED_TAG_REF),
      {
        name: 'Plan the release',
        id: 'plan',
        uses: ownAction(options, 'build-matrix'),
        with: {
          config: options.configPath,
          version: INPUT_EXPRESSIONS.version,
          platforms: INPUT_EXPRESSIONS.platforms,
          force: INPUT_EXPRESSIONS.force,
          'dry-run': INPUT_EXPRESSIONS['dry-run'],
        },
      },
    ],
  };
}
