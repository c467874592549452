import type { DeployforgeConfig } from '@deployforge/config';
import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import type { Step } from './workflow-types.js';

/**
 * Configs loaded from a file always carry `release.attest` (the schema default is true). A config
 * assembled in code without it (the starter workflow, which knows no project name until run
 * time) gets no attestation rather than a half-configured one.
 */
export function attestationEnabled(config: DeployforgeConfig): boolean {
  return config.release?.attest === true;
}

/** `<name>-<version>.sigstore.json`, the release asset the bundle is attached as. */
export function attestationBundleName(projectName: string, version: string): string {
  return `${projectName}-${version}.sigstore.json`;
}

/**
 * A dry run writes nothing, and an attestation is a write (to GitHub and a transparency log). On a
 * tag push `inputs` is empty and `inputs.dry-run != true` holds.
 */
export const NOT_DRY_RUN = 'inputs.dry-run != true';

/**
 * The notice both attestations (archives, images) give when GitHub refused to attest: a `run:`
 * that prints it, with no expression in it.
 */
export function attestationFailedNotice(what: string): string {
  return `echo "::notice::no ${what}: attesting failed (private repositories need GitHub Enterprise Cloud for artifact attestations); the release goes on without it. Set release.attest: false to skip this step."\n`;
}

/**
 * Build provenance of every file `prepare-release` listed in SHA256SUMS (archives and SBOM), run in
 * the sign job before the hub, so the bundle lands in the *draft* with the archives: attaching it
 * after publication would fail on immutable releases. A re-run attests again; the hub keeps the
 * bundle the draft already holds when SHA256SUMS is unchanged, so a new bundle never replaces it.
 * Steps, in order:
 * 1. attest from the prepared SHA256SUMS, allowed to fail (private repositories without
 *    attestation support), never on a dry run;
 * 2. copy the bundle into the signed dir under its release name, so the hub uploads it;
 * 3. a notice when attesting failed, saying why the release has no bundle.
 */
export function archiveAttestationSteps(config: DeployforgeConfig, signedDir: string): Step[] {
  if (!attestationEnabled(config)) return [];
  return [
    {
      name: 'Attest build provenance',
      id: 'attest',
      if: NOT_DRY_RUN,
      uses: pinnedUses(PINNED_ACTIONS.attestBuildProvenance),
      // Names in SHA256SUMS are the release asset names: they become the attestation's subjects.
      with: { 'subject-checksums': `${signedDir}/SHA256SUMS` },
      'continue-on-error': true,
    },
    {
      name: 'Attach the provenance bundle to the release',
      if: "steps.attest.outcome == 'success'",
      shell: 'bash',
      env: {
        DEPLOYFORGE_SIGNED: signedDir,
        DEPLOYFORGE_BUNDLE_NAME: attestationBundleName(config.project.name, '${{ needs.plan.outputs.version }}'),
        DEPLOYFORGE_BUNDLE: '${{ steps.attest.outputs.bundle-path }}',
      },
      // `--`: no path, whatever it holds, is ever read as an option.
      run: 'cp -- "$DEPLOYFORGE_BUNDLE" "$DEPLOYFORGE_SIGNED/$DEPLOYFORGE_BUNDLE_NAME"\n',
    },
    {
      name: 'Explain a missing provenance bundle',
      if: "steps.attest.outcome == 'failure'",
      shell: 'bash',
      run: attestationFailedNotice('build provenance'),
    },
  ];
}
