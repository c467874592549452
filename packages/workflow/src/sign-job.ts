import type { DeployforgeConfig } from '@deployforge/config';
import { archiveAttestationSteps, attestationEnabled } from './archive-attestation.js';
import { ARCHIVE_ARTIFACT_PREFIX } from './build-job.js';
import { checkoutStep } from './checkout-step.js';
import { INPUT_EXPRESSIONS, PLANNED_TAG_REF, RELEASE_IF } from './job-conditions.js';
import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import { ownAction, type ResolvedRenderOptions } from './render-options.js';
import type { Job, Permissions } from './workflow-types.js';

/** Where the sign job downloads the archives to. */
export const ARTIFACTS_DIR = 'deployforge-artifacts';
/** The folder prepare-release writes into, and the artifact the hub downloads it from. */
export const SIGNED_DIR = 'deployforge-signed';
export const SIGNED_ARTIFACT = 'deployforge-signed';

/**
 * Whether the workflow has a `sign` job. Decided at render time from the config: without
 * attestation or signatures the hub makes the SBOM and SHA256SUMS itself, as it always did, and
 * the graph stays plan → build → release.
 */
export function signJobNeeded(config: DeployforgeConfig): boolean {
  return attestationEnabled(config) || config.release?.sign === true || config.release?.['gpg-key'] !== undefined;
}

/**
 * What signing needs, and only that: `id-token: write` for a Sigstore certificate (provenance or
 * the keyless SHA256SUMS signature), `attestations: write` to store the attestation on the
 * repository. Never `contents: write`: this job holds the OIDC token, the hub holds the release.
 */
export function signPermissions(config: DeployforgeConfig): Permissions {
  const permissions: Permissions = { contents: 'read' };
  if (attestationEnabled(config) || config.release?.sign === true) permissions['id-token'] = 'write';
  if (attestationEnabled(config)) permissions.attestations = 'write';
  return permissions;
}

/**
 * The GPG secrets, each under its own name: prepare-release reads `process.env[<name>]`, as the
 * local runner does, so one config names the key the same way in both places.
 */
function gpgEnv(config: DeployforgeConfig): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of [config.release?.['gpg-key'], config.release?.['gpg-passphrase']]) {
    if (name !== undefined) env[name] = `\${{ secrets.${name} }}`;
  }
  return env;
}

/**
 * `sign`: between build and the hub. Makes the SBOM and SHA256SUMS (prepare-release), signs
 * SHA256SUMS (GPG, keyless Sigstore), attests provenance, and hands everything to the hub as one
 * artifact. Splitting it from the hub keeps `id-token`/`attestations` away from the job that can
 * write the release, and the GPG key away from both the hub and the build: with a key it runs in
 * the publish environment, so the key sits behind that environment's protection rules.
 * Same `if:` as the hub: it runs exactly when the hub will, and the hub needs it, so a failed
 * signature stops the release instead of publishing it unsigned.
 */
export function signJob(config: DeployforgeConfig, options: ResolvedRenderOptions, runsOn: string): Job {
  const env = gpgEnv(config);
  const environment = config.release?.['gpg-key'] !== undefined ? { environment: config.workflow?.environment ?? 'release' } : {};
  return {
    name: 'sign',
    needs: ['plan', 'build'],
    if: RELEASE_IF,
    'runs-on': runsOn,
    ...environment,
    permissions: signPermissions(config),
    steps: [
      // The SBOM reads the lockfile next to deployforge.yml, at the tag that was built.
      checkoutStep(PLANNED_TAG_REF),
      {
        name: 'Download the archives',
        uses: pinnedUses(PINNED_ACTIONS.downloadArtifact),
        with: { pattern: `${ARCHIVE_ARTIFACT_PREFIX}*`, 'merge-multiple': true, path: ARTIFACTS_DIR },
      },
      {
        name: 'Prepare the SBOM, checksums and signatures',
        id: 'prepare',
        uses: ownAction(options, 'prepare-release'),
        with: {
          config: options.configPath,
          version: '${{ needs.plan.outputs.version }}',
          artifacts: ARTIFACTS_DIR,
          output: SIGNED_DIR,
          'dry-run': INPUT_EXPRESSIONS['dry-run'],
        },
        ...(Object.keys(env).length > 0 ? { env } : {}),
      },
      ...archiveAttestationSteps(config, SIGNED_DIR),
      {
        name: 'Hand the signed files to the release job',
        uses: pinnedUses(PINNED_ACTIONS.uploadArtifact),
        with: {
          name: SIGNED_ARTIFACT,
          path: SIGNED_DIR,
          'if-no-files-found': 'error',
          // Read by the hub minutes later; the release itself keeps them.
          'retention-days': 1,
          // A re-run of this job replaces what an earlier attempt uploaded.
          overwrite: true,
        },
      },
    ],
  };
}
