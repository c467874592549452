import type { DeployforgeConfig } from '@deployforge/config';
import { attestationEnabled, attestationFailedNotice, NOT_DRY_RUN } from './archive-attestation.js';
import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import type { Permissions, Step } from './workflow-types.js';

/**
 * Only after this run pushed the image: `skipped` (the registry had it already) was attested and
 * signed by the run that pushed it, and a dry run pushes nothing.
 */
export const IMAGE_PUBLISHED_IF = `steps.publish.outputs.status == 'published' && ${NOT_DRY_RUN}`;

const PUBLISHED_IMAGES = '${{ steps.publish.outputs.images }}';
const PUBLISHED_DIGEST = '${{ steps.publish.outputs.digest }}';

function signsImages(config: DeployforgeConfig): boolean {
  return config.platforms?.docker?.sign === true;
}

/** Whether the docker spoke's job attests or signs what it pushed. */
export function imageSigningEnabled(config: DeployforgeConfig): boolean {
  return attestationEnabled(config) || signsImages(config);
}

/**
 * What attesting and signing images add to the docker job: a Sigstore certificate from the job's
 * OIDC token for either, `attestations: write` to store the provenance on the repository.
 */
export function imageSigningPermissions(config: DeployforgeConfig): Permissions {
  const permissions: Permissions = {};
  if (imageSigningEnabled(config)) permissions['id-token'] = 'write';
  if (attestationEnabled(config)) permissions.attestations = 'write';
  return permissions;
}

/**
 * `attest-build-provenance` names one image per step: the publish step's `images` output (one
 * repository a line) is split into `image-<n>` outputs, one per configured image, so each attest
 * step reads its own.
 */
const SPLIT_IMAGES = [
  'n=0',
  'while IFS= read -r image; do',
  '  [ -n "$image" ] || continue',
  '  echo "image-$n=$image" >> "$GITHUB_OUTPUT"',
  '  n=$((n + 1))',
  'done <<< "$DEPLOYFORGE_IMAGES"',
  '',
].join('\n');

/**
 * attest-build-provenance (push-to-registry) and cosign push to the registry, and both read the
 * credentials `docker login` stores. The same secrets and the same order as the publish step:
 * DOCKER_USERNAME/DOCKER_PASSWORD, then on ghcr.io the workflow token. Passwords go through stdin,
 * never the command line. Registries and images come from the config: each follows `--` in these
 * scripts, so none is ever read as an option.
 */
const REGISTRY_LOGIN = [
  'while IFS= read -r registry; do',
  '  [ -n "$registry" ] || continue',
  '  if [ -n "$DOCKER_USERNAME" ] && printf \'%s\' "$DOCKER_PASSWORD" | docker login --username "$DOCKER_USERNAME" --password-stdin -- "$registry" > /dev/null; then continue; fi',
  '  if [ "$registry" = ghcr.io ] && printf \'%s\' "$GITHUB_TOKEN" | docker login ghcr.io --username "$GITHUB_ACTOR" --password-stdin > /dev/null; then continue; fi',
  '  echo "::error::could not log in to $registry to attest or sign the image pushed there (DOCKER_USERNAME/DOCKER_PASSWORD refused)"',
  '  exit 1',
  'done < <(printf \'%s\\n\' "$DEPLOYFORGE_IMAGES" | cut -d/ -f1 | sort -u)',
  '',
].join('\n');

/** A self-hosted runner keeps ~/.docker/config.json: the next job must not find these credentials. */
const REGISTRY_LOGOUT = [
  'while IFS= read -r registry; do',
  '  [ -n "$registry" ] && docker logout -- "$registry" > /dev/null || true',
  'done < <(printf \'%s\\n\' "$DEPLOYFORGE_IMAGES" | cut -d/ -f1 | sort -u)',
  '',
].join('\n');

const COSIGN_SIGN = [
  'while IFS= read -r image; do',
  '  [ -n "$image" ] || continue',
  // By digest: a tag can be moved to other bytes, the signature must name the bytes that were pushed.
  '  cosign sign --yes -- "$image@$DEPLOYFORGE_DIGEST"',
  'done <<< "$DEPLOYFORGE_IMAGES"',
  '',
].join('\n');

/**
 * Steps after `publish` in the docker spoke's job: provenance of every pushed image by digest
 * (`release.attest`), stored in the registry next to the image and on the repository, and a
 * keyless cosign signature (`platforms.docker.sign`). The image is already published when these
 * run, so a refused attestation (private repository without support) is a notice, as in the sign
 * job; a failed cosign signature fails the job, because the user asked for signed images.
 */
export function imageSigningSteps(config: DeployforgeConfig): Step[] {
  if (!imageSigningEnabled(config)) return [];
  const imageCount = config.platforms?.docker?.images.length ?? 0;
  const login: Step = {
    name: 'Log in to the image registries',
    id: 'registry-login',
    if: IMAGE_PUBLISHED_IF,
    shell: 'bash',
    env: {
      DEPLOYFORGE_IMAGES: PUBLISHED_IMAGES,
      DOCKER_USERNAME: '${{ secrets.DOCKER_USERNAME }}',
      DOCKER_PASSWORD: '${{ secrets.DOCKER_PASSWORD }}',
      GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
    },
    run: REGISTRY_LOGIN,
  };
  const attest: Step[] = attestationEnabled(config)
    ? [
        { name: 'List the pushed images', id: 'images', if: IMAGE_PUBLISHED_IF, shell: 'bash', env: { DEPLOYFORGE_IMAGES: PUBLISHED_IMAGES }, run: SPLIT_IMAGES },
        ...Array.from({ length: imageCount }, (_, n): Step => ({
          name: `Attest build provenance of image ${n + 1}`,
          id: `attest-image-${n}`,
          if: `${IMAGE_PUBLISHED_IF} && steps.images.outputs.image-${n} != ''`,
          uses: pinnedUses(PINNED_ACTIONS.attestBuildProvenance),
          with: {
            'subject-name': `\${{ steps.images.outputs.image-${n} }}`,
            'subject-digest': PUBLISHED_DIGEST,
            'push-to-registry': true,
          },
          'continue-on-error': true,
        })),
        {
          name: 'Explain a missing image provenance',
          if: Array.from({ length: imageCount }, (_, n) => `steps.attest-image-${n}.outcome == 'failure'`).join(' || '),
          shell: 'bash',
          run: attestationFailedNotice('image provenance'),
        },
      ]
    : [];
  const sign: Step[] = signsImages(config)
    ? [
        { name: 'Install cosign', if: IMAGE_PUBLISHED_IF, uses: pinnedUses(PINNED_ACTIONS.cosignInstaller) },
        {
          name: 'Sign the pushed images with cosign',
          if: IMAGE_PUBLISHED_IF,
          shell: 'bash',
          env: { DEPLOYFORGE_IMAGES: PUBLISHED_IMAGES, DEPLOYFORGE_DIGEST: PUBLISHED_DIGEST },
          run: COSIGN_SIGN,
        },
      ]
    : [];
  const logout: Step = {
    name: 'Log out of the image registries',
    if: "always() && steps.registry-login.outcome != 'skipped'",
    shell: 'bash',
    env: { DEPLOYFORGE_IMAGES: PUBLISHED_IMAGES },
    run: REGISTRY_LOGOUT,
  };
  return [login, ...attest, ...sign, logout];
}
