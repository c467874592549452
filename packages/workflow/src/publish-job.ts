import { publishActionName } from '@deployforge/catalog';
import type { DeployforgeConfig } from '@deployforge/config';
import { checkoutStep } from './checkout-step.js';
import { imageSigningSteps } from './image-signing-steps.js';
import { INPUT_EXPRESSIONS, PLANNED_TAG_REF, publishIf } from './job-conditions.js';
import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import { customSecretsStep } from './custom-secrets-step.js';
import { publishPermissions } from './publish-permissions.js';
import { snapcraftInstallStep } from './snapcraft-install-step.js';
import { ownAction, type ResolvedRenderOptions } from './render-options.js';
import { credentialInputName, jobCredentials, type WorkflowSpoke } from './workflow-spokes.js';
import { rustToolchainStep } from './toolchain-steps.js';
import type { Job, Step } from './workflow-types.js';

/** Spokes whose publish step runs Node tooling (npm, vsce), for `workflow.node-version`. */
const NODE_PLATFORMS = new Set(['npm', 'github-packages', 'vscode']);

/** The step outputs summarize reads through `toJSON(needs)` (CONTRACT.md `publish-<platform>`). */
// `detail` and `duration-ms` let the summary say what happened and how long it took.
const PUBLISH_OUTPUTS = ['status', 'url', 'version', 'detail', 'duration-ms'] as const;

/**
 * `publish-<key>`, one spoke: in its GitHub environment (secrets behind protection rules), with
 * only its own credential, after the hub or instead of a hub that was skipped because the release
 * is already complete. No caches: a poisoned cache must never reach a job that holds a token.
 */
export function publishJob(spoke: WorkflowSpoke, config: DeployforgeConfig, options: ResolvedRenderOptions, runsOn: string): Job {
  const inputs: Record<string, string> = {
    config: options.configPath,
    ...(spoke.instance ? { name: spoke.instance } : {}),
    version: '${{ needs.plan.outputs.version }}',
    force: INPUT_EXPRESSIONS.force,
    'dry-run': INPUT_EXPRESSIONS['dry-run'],
    // Reads the release's assets (private repositories, rate limits); never writes with it.
    'github-token': '${{ secrets.GITHUB_TOKEN }}',
  };
  // Trusted publishing declared: no token at all (the clients prefer a token when one is there,
  // and a long-lived secret in a job that needs none is only something to leak).
  for (const credential of jobCredentials(spoke)) {
    inputs[credentialInputName(credential.name)] = `\${{ secrets.${credential.name} }}`;
  }

  const nodeVersion = config.workflow?.['node-version'];
  const setupNode: Step[] = nodeVersion !== undefined && NODE_PLATFORMS.has(spoke.platform)
    ? [{
        name: 'Set up Node.js',
        uses: pinnedUses(PINNED_ACTIONS.setupNode),
        // setup-node turns on an npm cache by itself when package.json names npm; never here.
        with: { 'node-version': String(nodeVersion), 'package-manager-cache': false },
      }]
    : [];

  // The Snap spoke builds .snap files with mksquashfs and uploads them with snapcraft: neither is on
  // GitHub's Ubuntu runners by default.
  const snapTools: Step[] = spoke.platform === 'snap'
    ? [snapcraftInstallStep()]
    : [];

  const action = publishActionName(spoke.platform, spoke.instance);
  return {
    name: `publish ${spoke.key}`,
    needs: ['plan', 'release'],
    if: publishIf(spoke.jobId),
    'runs-on': runsOn,
    environment: spoke.environment,
    permissions: publishPermissions(spoke, config),
    outputs: Object.fromEntries(PUBLISH_OUTPUTS.map((o) => [o, `\${{ steps.publish.outputs.${o} }}`])),
    steps: [
      checkoutStep(PLANNED_TAG_REF),
      ...setupNode,
      // `cargo publish` packages the crate: the toolchain is the workflow's choice (no cache here: this job holds the token).
      ...(spoke.platform === 'crates' ? [rustToolchainStep()] : []),
      ...snapTools,
      { name: `Publish to ${spoke.key}`, id: 'publish', uses: ownAction(options, action), ...customSecretsStep(spoke, inputs) },
      ...(spoke.platform === 'docker' ? imageSigningSteps(config) : []),
    ],
  };
}
