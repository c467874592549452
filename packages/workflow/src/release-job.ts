import type { DeployforgeConfig } from '@deployforge/config';
import { ARCHIVE_ARTIFACT_PREFIX } from './build-job.js';
import { checkoutStep } from './checkout-step.js';
import { INPUT_EXPRESSIONS, PLANNED_TAG_REF, RELEASE_IF } from './job-conditions.js';
import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import { attestationPermissions, attestationSteps } from './release-attestations.js';
import { ownAction, type ResolvedRenderOptions } from './render-options.js';
import type { Job } from './workflow-types.js';

const ARTIFACTS_DIR = 'deployforge-artifacts';

/**
 * `release`, the hub: the only job that writes the GitHub Release (draft, every archive and
 * SHA256SUMS, verify, publish). The only job with `contents: write`, and it holds no other secret.
 */
export function releaseJob(config: DeployforgeConfig, options: ResolvedRenderOptions, runsOn: string): Job {
  return {
    name: 'release',
    needs: ['plan', 'build'],
    if: RELEASE_IF,
    'runs-on': runsOn,
    permissions: { contents: 'write', ...attestationPermissions(config) },
    outputs: {
      'release-id': '${{ steps.release.outputs.release-id }}',
      'release-url': '${{ steps.release.outputs.release-url }}',
      // Summarize lists the assets with their checksums on the dashboard.
      tag: '${{ steps.release.outputs.tag }}',
      assets: '${{ steps.release.outputs.assets }}',
    },
    steps: [
      checkoutStep(PLANNED_TAG_REF),
      {
        name: 'Download the archives',
        uses: pinnedUses(PINNED_ACTIONS.downloadArtifact),
        with: { pattern: `${ARCHIVE_ARTIFACT_PREFIX}*`, 'merge-multiple': true, path: ARTIFACTS_DIR },
      },
      ...attestationSteps(config, ARTIFACTS_DIR),
      {
        name: 'Create or complete the release',
        id: 'release',
        uses: ownAction(options, 'create-release'),
        with: {
          config: options.configPath,
          version: '${{ needs.plan.outputs.version }}',
          artifacts: ARTIFACTS_DIR,
          'dry-run': INPUT_EXPRESSIONS['dry-run'],
          token: '${{ secrets.GITHUB_TOKEN }}',
        },
      },
    ],
  };
}
