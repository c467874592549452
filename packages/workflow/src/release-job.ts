import type { DeployforgeConfig } from '@deployforge/config';
import { ARCHIVE_ARTIFACT_PREFIX } from './build-job.js';
import { checkoutStep } from './checkout-step.js';
import { INPUT_EXPRESSIONS, PLANNED_TAG_REF, RELEASE_IF } from './job-conditions.js';
import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import { ownAction, type ResolvedRenderOptions } from './render-options.js';
import { ARTIFACTS_DIR, SIGNED_ARTIFACT, signJobNeeded } from './sign-job.js';
import type { Job, Step } from './workflow-types.js';

/**
 * `release`, the hub: the only job that writes the GitHub Release (draft, every archive and
 * SHA256SUMS, verify, publish). The only job with `contents: write`, and it holds nothing else:
 * no OIDC token, no signing key. With a sign job it uploads what that job prepared (SBOM,
 * SHA256SUMS, signatures, provenance) next to the archives; without one it makes the SBOM and
 * SHA256SUMS itself.
 */
export function releaseJob(config: DeployforgeConfig, options: ResolvedRenderOptions, runsOn: string): Job {
  const signed = signJobNeeded(config);
  const downloadSigned: Step[] = signed
    ? [{
        name: 'Download the SBOM, checksums and signatures',
        uses: pinnedUses(PINNED_ACTIONS.downloadArtifact),
        // By name: the files land directly in the folder, next to the archives.
        with: { name: SIGNED_ARTIFACT, path: ARTIFACTS_DIR },
      }]
    : [];
  return {
    name: 'release',
    needs: signed ? ['plan', 'build', 'sign'] : ['plan', 'build'],
    if: RELEASE_IF,
    'runs-on': runsOn,
    permissions: { contents: 'write' },
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
      ...downloadSigned,
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
