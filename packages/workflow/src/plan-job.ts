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
  /**
   * The publish environment (`workflow.environment`, default `release`): the plan job runs in it so
   * that `secrets.*` resolves the same secrets the publish jobs will see.
   */
  environment: string;
}

/**
 * `plan`: validate the dispatch inputs, resolve the version, check what is already published and
 * which credentials exist, and emit the decisions every later job reads. It holds no secret:
 * only `DEPLOYFORGE_HAS_<NAME>` booleans (the plan reads them with credentialFactsFromEnv).
 *
 * Why it runs in the publish environment: secrets kept on an environment (what docs/usage.md
 * recommends, behind its protection rules) resolve only inside jobs that run in it; outside,
 * `secrets.NPM_TOKEN != ''` is false and every such spoke looked like a missing credential. In the
 * environment the plan sees exactly what the publish jobs will see, so a required platform without
 * its credential fails this job (an annotation on its `required` entry) before anything is built
 * or written, and an optional one is skipped with "missing credential". The price: protection
 * rules apply here too, so with required reviewers a run asks for approval before the build as
 * well as before the spokes. A spoke whose block names another environment cannot be seen from
 * here (DEPLOYFORGE_SECRETS_ENVIRONMENT tells the plan which one it is in): for a required one a
 * check job runs in that environment before the build (credential-check-jobs.ts); an optional one
 * checks its own credential before writing. The alternative, each spoke checking alone and the
 * plan only warning, cannot stop a release whose required platform has no token before the hub
 * publishes it.
 */
export function planJob({ options, spokes, tagPrefix, runsOn, signingSecrets = [], environment }: PlanJobInput): Job {
  const env: Record<string, string> = {};
  const secrets = [...credentialNames(spokes), ...signingSecrets];
  const needsSecrets = secrets.length > 0 || spokes.some((s) => s.trustedPublishing);
  if (needsSecrets) env.DEPLOYFORGE_SECRETS_ENVIRONMENT = environment;
  for (const name of new Set(secrets)) env[`DEPLOYFORGE_HAS_${name}`] = `\${{ secrets.${name} != '' }}`;
  // The plan job has no id-token permission; the publish jobs of the spokes that declare trusted
  // publishing do. Tell the plan, which counts OIDC only for those spokes (trustedPublishingDeclared).
  if (spokes.some((s) => s.trustedPublishing)) env.DEPLOYFORGE_HAS_OIDC = 'true';

  const outputs: Record<string, string> = {};
  for (const name of [...PLAN_OUTPUT_NAMES, ...spokes.map((s) => s.jobId)]) {
    outputs[name] = `\${{ steps.plan.outputs.${name} }}`;
  }
  return {
    name: 'plan',
    'runs-on': runsOn,
    ...(needsSecrets ? { environment } : {}),
    permissions: { contents: 'read' },
    outputs,
    // No platform with a credential (a fresh Python package publishes nowhere yet): no env at all,
    // since actionlint rejects an empty one.
    ...(Object.keys(env).length > 0 ? { env } : {}),
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
