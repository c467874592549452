import type { DeployforgeConfig } from '@deployforge/config';
import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import { generateFlags, shellWord, type ResolvedRenderOptions } from './render-options.js';
import { toolchainSteps } from './toolchain-steps.js';
import type { Job, Step } from './workflow-types.js';

/** The job id; `workflow.timeout-minutes` may name it like any other job. */
export const PULL_REQUEST_JOB_ID = 'check-pull-request';

/** Only the pull-request job runs on pull requests; every release job is kept off them. */
export const ON_PULL_REQUEST = "github.event_name == 'pull_request'";
export const NOT_ON_PULL_REQUEST = "github.event_name != 'pull_request'";

/** Where the CLI of the pinned DeployForge commit is checked out (inside .deployforge/, which init ignores). */
const CLI_DIR = '.deployforge/cli';

/**
 * `workflow.pull-requests: true`: a job that rehearses the release on every pull request, in the
 * release workflow's own file (npm and PyPI trusted publishing check the calling workflow's file
 * name, so a second file would not be the same thing). It validates the config, shows the plan of
 * the snapshot version, checks that the committed workflow is current, and runs `release
 * --snapshot` of the runner's target: the build and every package, nothing published.
 *
 * What keeps it harmless on code from a fork: no secret is referenced, it runs in no environment,
 * its token can only read (`contents: read`), the checkout keeps no credential, and the trigger is
 * `pull_request` (never `pull_request_target`, which would run fork code with this repository's
 * token). The CLI comes from the same pinned commit as the actions every other job uses.
 */
export function pullRequestJob(config: DeployforgeConfig, options: ResolvedRenderOptions, runsOn: string): Job {
  // `--actions-repo .` (how DeployForge releases itself): the CLI is the checked-out repository's own.
  const local = options.actionsRepo === '.';
  const cliCheckout: Step[] = local
    ? []
    : [{
        name: 'Check out the DeployForge CLI',
        uses: pinnedUses(PINNED_ACTIONS.checkout),
        with: { repository: options.actionsRepo, ref: options.actionsSha ?? options.actionsRef, path: CLI_DIR, 'persist-credentials': false },
      }];
  const nodeVersion = config.workflow?.['node-version'];
  const run = (name: string, args: string): Step => ({ name, run: `node "$DEPLOYFORGE_CLI" ${args}` });
  const generate = ['generate', '--check', ...generateFlags(options).map(shellWord)].join(' ');
  return {
    name: 'check (pull request)',
    if: ON_PULL_REQUEST,
    'runs-on': runsOn,
    permissions: { contents: 'read' },
    env: { DEPLOYFORGE_CLI: local ? 'bin/deployforge.js' : `${CLI_DIR}/bin/deployforge.js`, DEPLOYFORGE_CONFIG: options.configPath },
    steps: [
      // All history and tags: the snapshot's version is the newest tag's next patch (a checkout's
      // default, one commit and no tag, would make every pull request's 0.1.0-snapshot).
      { name: 'Check out the pull request', uses: pinnedUses(PINNED_ACTIONS.checkout), with: { 'fetch-depth': 0, 'persist-credentials': false } },
      ...cliCheckout,
      {
        name: 'Set up Node.js',
        uses: pinnedUses(PINNED_ACTIONS.setupNode),
        // No cache: nothing of this job is worth keeping, and a cache is one more thing a fork could seed.
        with: { 'node-version': String(nodeVersion ?? '24'), 'package-manager-cache': false },
      },
      // The snapshot runs build.command: the same toolchain as the build job.
      ...toolchainSteps(config.build?.command, options.configPath),
      run('Validate the config', 'validate --config "$DEPLOYFORGE_CONFIG"'),
      run('Plan the release', 'plan --snapshot --config "$DEPLOYFORGE_CONFIG"'),
      run('Check the workflow is current', generate),
      run('Rehearse the release (snapshot, nothing published)', 'release --snapshot --config "$DEPLOYFORGE_CONFIG"'),
    ],
  };
}
