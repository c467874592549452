import type { DeployforgeConfig } from '@deployforge/config';
import type { Plan } from '@deployforge/plan';

/** The plan job's fixed outputs; one `publish-<key>` per spoke follows (SpokePlan.jobId). */
export const PLAN_OUTPUT_NAMES = ['version', 'tag', 'prerelease', 'matrix', 'plan', 'release-needed', 'build-needed'] as const;

/**
 * Outputs only the starter workflow reads: it knows nothing of the config when written, so the
 * build command and the spokes to run arrive from the plan at run time.
 */
export const STARTER_OUTPUT_NAMES = ['build-command', 'build-path', 'build-files', 'publish-matrix', 'publish-needed'] as const;

/** One row of the starter workflow's publish matrix. */
export interface PublishMatrixEntry {
  key: string;
  platform: string;
  'job-id': string;
  environment: string;
  /** The config declares trusted publishing for it: the starter's leg then passes no token. */
  'trusted-publishing': boolean;
}

/**
 * The outputs the `build-matrix` action sets, from a plan. The workflows' `if:`s read exactly
 * these names, so the action should set its outputs with this function: tests feed its result to
 * the generated conditions to check plan and workflow together.
 */
export function planOutputs(plan: Plan, config: DeployforgeConfig): Record<string, string> {
  const running = plan.spokes.filter((s) => s.run);
  const publishMatrix: { include: PublishMatrixEntry[] } = {
    include: running.map((s) => ({ key: s.key, platform: s.platform, 'job-id': s.jobId, environment: s.environment, 'trusted-publishing': s.credentials.trustedPublishing })),
  };
  const outputs: Record<string, string> = {
    version: plan.version.version,
    tag: plan.version.tag,
    prerelease: String(plan.version.prerelease),
    matrix: JSON.stringify(plan.matrix),
    plan: JSON.stringify(plan),
    'release-needed': String(plan.release.run),
    'build-needed': String(plan.build.run),
    'build-command': config.build?.command ?? '',
    'build-path': config.build?.path ?? '',
    'build-files': (config.build?.files ?? []).join('\n'),
    'publish-matrix': JSON.stringify(publishMatrix),
    'publish-needed': String(running.length > 0),
  };
  for (const spoke of plan.spokes) outputs[spoke.jobId] = String(spoke.run);
  return outputs;
}
