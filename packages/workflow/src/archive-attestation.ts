import type { DeployforgeConfig } from '@deployforge/config';
import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import type { Permissions, Step } from './workflow-types.js';

/** Where the subjects file is written: outside the artifacts dir, which the hub uploads whole. */
const ATTESTATION_DIR = 'deployforge-attestation';
const SUBJECTS_FILE = `${ATTESTATION_DIR}/SHA256SUMS`;

/**
 * `Step` plus `continue-on-error`, which only the attestation needs: on a private repository
 * without artifact attestations (GitHub Free/Pro/Team) the attest step fails, and that must not
 * cost the release.
 */
type AttestationStep = Step & { 'continue-on-error'?: boolean };

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
 * Build provenance of every archive (`actions/attest-build-provenance`), run in the hub after the
 * archives are downloaded and before `create-release`, so the bundle lands in the *draft* with the
 * archives and is listed in SHA256SUMS: attaching it after publication would fail on immutable
 * releases. Steps, in order:
 * 1. subjects: `sha256sum` of the downloaded archives (the format `subject-checksums` reads);
 * 2. reuse: a re-run of an interrupted hub downloads the bundle the draft already holds instead of
 *    attesting again, because a new bundle has other bytes (new certificate, new log entry) and
 *    the hub would refuse to replace the uploaded one (same name, other digest);
 * 3. attest, allowed to fail (private repositories without attestation support), never on a dry run;
 * 4. copy the bundle into the artifacts dir under its release name, so the hub uploads it;
 * 5. a notice when attesting failed, saying why the release has no bundle.
 */
export function attestationSteps(config: DeployforgeConfig, artifactsDir: string): Step[] {
  if (!attestationEnabled(config)) return [];
  const bundleEnv = {
    DEPLOYFORGE_ARTIFACTS: artifactsDir,
    DEPLOYFORGE_BUNDLE_NAME: attestationBundleName(config.project.name, '${{ needs.plan.outputs.version }}'),
  };
  const steps: AttestationStep[] = [
    {
      name: 'List the archives to attest',
      shell: 'bash',
      env: { DEPLOYFORGE_ARTIFACTS: artifactsDir, DEPLOYFORGE_SUBJECTS: SUBJECTS_FILE },
      // Names relative to the artifacts dir: the subject names are the release asset names.
      run: [
        'mkdir -p "$(dirname "$DEPLOYFORGE_SUBJECTS")"',
        'subjects="$PWD/$DEPLOYFORGE_SUBJECTS"',
        '(cd "$DEPLOYFORGE_ARTIFACTS" && find . -type f -printf \'%P\\0\' | LC_ALL=C sort -z | xargs -0 sha256sum --) > "$subjects"',
        'cat "$subjects"',
        '',
      ].join('\n'),
    },
    {
      name: 'Reuse the provenance bundle of an interrupted run',
      id: 'attest-reuse',
      shell: 'bash',
      env: { ...bundleEnv, DEPLOYFORGE_TAG: '${{ needs.plan.outputs.tag }}', GH_TOKEN: '${{ github.token }}' },
      // Listing, not get-by-tag: a draft is invisible to /releases/tags/{tag}.
      run: [
        // No `| head`: under pipefail an early-closing reader would fail the step with SIGPIPE.
        'ids="$(gh api --paginate "repos/$GITHUB_REPOSITORY/releases" --jq \'.[] | select(.tag_name == env.DEPLOYFORGE_TAG) | .assets[] | select(.name == env.DEPLOYFORGE_BUNDLE_NAME) | .id\')"',
        'asset_id="${ids%%$\'\\n\'*}"',
        'if [ -n "$asset_id" ]; then',
        '  gh api -H "Accept: application/octet-stream" "repos/$GITHUB_REPOSITORY/releases/assets/$asset_id" > "$DEPLOYFORGE_ARTIFACTS/$DEPLOYFORGE_BUNDLE_NAME"',
        '  echo "reused=true" >> "$GITHUB_OUTPUT"',
        '  echo "::notice::the release already holds $DEPLOYFORGE_BUNDLE_NAME from an earlier run; reusing it"',
        'fi',
        '',
      ].join('\n'),
    },
    {
      name: 'Attest build provenance',
      id: 'attest',
      // A dry run writes nothing, and an attestation is a write (to GitHub and a transparency log).
      if: "steps.attest-reuse.outputs.reused != 'true' && inputs.dry-run != true",
      uses: pinnedUses(PINNED_ACTIONS.attestBuildProvenance),
      with: { 'subject-checksums': SUBJECTS_FILE },
      'continue-on-error': true,
    },
    {
      name: 'Attach the provenance bundle to the release',
      if: "steps.attest.outcome == 'success'",
      shell: 'bash',
      env: { ...bundleEnv, DEPLOYFORGE_BUNDLE: '${{ steps.attest.outputs.bundle-path }}' },
      run: 'cp "$DEPLOYFORGE_BUNDLE" "$DEPLOYFORGE_ARTIFACTS/$DEPLOYFORGE_BUNDLE_NAME"\n',
    },
    {
      name: 'Explain a missing provenance bundle',
      if: "steps.attest.outcome == 'failure'",
      shell: 'bash',
      run: 'echo "::notice::no build provenance: attesting failed (private repositories need GitHub Enterprise Cloud for artifact attestations); the release goes on without it. Set release.attest: false to skip this step."\n',
    },
  ];
  return steps;
}

/**
 * What attesting needs, and only when it is on: `id-token: write` for the Sigstore signing
 * certificate, `attestations: write` to store the attestation on the repository.
 */
export function attestationPermissions(config: DeployforgeConfig): Permissions {
  return attestationEnabled(config) ? { 'id-token': 'write', attestations: 'write' } : {};
}
