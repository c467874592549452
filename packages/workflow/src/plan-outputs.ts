import type { Plan } from '@deployforge/plan';

/** The plan job's fixed outputs; one `publish-<key>` per spoke follows (SpokePlan.jobId). */
export const PLAN_OUTPUT_NAMES = ['version', 'tag', 'prerelease', 'matrix', 'plan', 'release-needed', 'build-needed'] as const;

/**
 * The outputs the `build-matrix` action sets, from a plan. The generated workflow's `if:`s read
 * exactly these names, so the action should set its outputs with this function: tests feed its
 * result to the workflow's conditions to check plan and workflow together.
 */
export function planOutputs(plan: Plan): Record<string, string> {
  const outputs: Record<string, string> = {
    version: plan.version.version,
    tag: plan.version.tag,
    prerelease: String(plan.version.prerelease),
    matrix: JSON.stringify(plan.matrix),
    plan: JSON.stringify(plan),
    'release-needed': String(plan.release.run),
    'build-needed': String(plan.build.run),
  };
  for (const spoke of plan.spokes) outputs[spoke.jobId] = String(spoke.run);
  return outputs;
}
