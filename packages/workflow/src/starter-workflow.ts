import { PLATFORMS, SPOKE_IDS } from '@deployforge/catalog';
import { buildJobWith, MATRIX_ENV } from './build-job.js';
import { checkoutStep } from './checkout-step.js';
import { concurrencyGroup, INPUT_EXPRESSIONS, PLANNED_TAG_REF } from './job-conditions.js';
import { withJobTimeouts } from './job-timeouts.js';
import { planJob } from './plan-job.js';
import { STARTER_OUTPUT_NAMES } from './plan-outputs.js';
import { releaseJob } from './release-job.js';
import { releaseTriggers } from './release-triggers.js';
import { resolveRenderOptions, type RenderOptions, type ResolvedRenderOptions } from './render-options.js';
import { serializeWorkflow } from './serialize-workflow.js';
import { summarizeJob } from './summarize-job.js';
import { credentialInputName, type WorkflowSpoke } from './workflow-spokes.js';
import type { Job, Workflow } from './workflow-types.js';

const STARTER_HEADER = [
  ' DeployForge release: starter workflow. Copy it to .github/workflows/release.yml and commit a',
  ' deployforge.yml next to it (`npx deployforge init` writes one). Everything it does (targets, build',
  ' command, platforms, environments) is read from deployforge.yml at run time by the plan job.',
  ' For a workflow with one job per platform, each holding only its own secret and permissions, run',
  ' `npx deployforge generate` instead. Tags look like v1.2.3: for another tag-prefix, change the `v` in the\n' +
  ' tag filter, in DEPLOYFORGE_TAG_PREFIX (the first step of the plan job) and in the concurrency group.',
].join('\n');

/** Every credential any platform can use: the starter cannot know which platforms are on. */
function everyCredential(): string[] {
  return [...new Set(SPOKE_IDS.flatMap((id) => PLATFORMS[id].credentials.map((c) => c.name)))].sort();
}

/**
 * The one publish job: a matrix over the spokes the plan selected, each leg in its platform's
 * environment, through the root action (`platform:`). A leg receives only its own platform's
 * secrets: each credential input is `matrix.platform == '<id>' && secrets.X || ''`, evaluated by
 * the runner, so an npm leg never holds the Homebrew token. Permissions are the union the
 * platforms need (OIDC, GHCR); the generated workflow narrows them per platform.
 */
function publishMatrixJob(options: ResolvedRenderOptions): Job {
  const credentials: Record<string, string> = {};
  for (const id of SPOKE_IDS) {
    for (const c of PLATFORMS[id].credentials) {
      if (c.name === 'GITHUB_TOKEN') continue;
      const input = credentialInputName(c.name);
      const owners = SPOKE_IDS.filter((p) => PLATFORMS[p].credentials.some((x) => x.name === c.name));
      const test = owners.map((p) => `matrix.platform == '${p}'`).join(' || ');
      // A leg whose platform declares trusted publishing gets no token (22.8), as in the generated workflow.
      const tokenless = owners.some((p) => PLATFORMS[p].oidc) ? ' && !matrix.trusted-publishing' : '';
      credentials[input] = `\${{ (${test})${tokenless} && secrets.${c.name} || '' }}`;
    }
  }
  return {
    name: 'publish ${{ matrix.key }}',
    needs: ['plan', 'release'],
    if: "always() && needs.plan.result == 'success' && (needs.release.result == 'success' || (needs.release.result == 'skipped' && needs.plan.outputs.release-needed == 'false')) && needs.plan.outputs.publish-needed == 'true'",
    'runs-on': 'ubuntu-latest',
    environment: '${{ matrix.environment }}',
    permissions: { contents: 'read', 'id-token': 'write', packages: 'write' },
    strategy: { 'fail-fast': false, matrix: '${{ fromJSON(needs.plan.outputs.publish-matrix) }}' },
    steps: [
      checkoutStep(PLANNED_TAG_REF),
      {
        name: 'Publish to ${{ matrix.key }}',
        id: 'publish',
        uses: `${options.actionsRepo}@${options.actionsRef}`,
        with: {
          platform: '${{ matrix.key }}',
          config: options.configPath,
          version: '${{ needs.plan.outputs.version }}',
          force: INPUT_EXPRESSIONS.force,
          'dry-run': INPUT_EXPRESSIONS['dry-run'],
          'github-token': '${{ secrets.GITHUB_TOKEN }}',
          ...credentials,
        },
      },
    ],
  };
}

/**
 * The starter workflow (workflows-templates/deployforge-release.yml): plan → build → release →
 * publish (matrix over the selected spokes) → summarize, with the same actions and the same
 * security rules as the generated workflow, but nothing baked in from a config.
 */
export function starterWorkflow(options: RenderOptions = {}): Workflow {
  const resolved = resolveRenderOptions(options);
  const runsOn = 'ubuntu-latest';
  // Every credential is preflighted: the plan only looks at the ones its enabled platforms use.
  const allCredentials: WorkflowSpoke = {
    key: 'all', platform: 'custom', jobId: 'publish', environment: 'release', oidc: false, trustedPublishing: false,
    credentials: everyCredential().map((name) => ({ name, description: '' })),
  };
  // In `release`, where the legs run by default, so the plan sees the environment's secrets.
  const plan = planJob({ options: resolved, spokes: [allCredentials], tagPrefix: 'v', runsOn, environment: 'release' });
  // The per-spoke `publish-<key>` output is replaced by the matrix and the build command.
  delete plan.outputs!.publish;
  // Every leg has id-token: write, so trusted publishing is available wherever the config declares it.
  plan.env = { ...plan.env, DEPLOYFORGE_HAS_OIDC: 'true' };
  for (const name of STARTER_OUTPUT_NAMES) plan.outputs![name] = `\${{ steps.plan.outputs.${name} }}`;

  const build = buildJobWith({
    build: {
      name: 'Build',
      shell: 'bash',
      env: { ...MATRIX_ENV, DEPLOYFORGE_BUILD_COMMAND: '${{ needs.plan.outputs.build-command }}' },
      // build.command from deployforge.yml at the tag: the same text the generated workflow writes
      // into its run: line, here arriving through env instead of the file.
      run: 'eval "$DEPLOYFORGE_BUILD_COMMAND"\n',
    },
    options: resolved,
  });
  const emptyConfig = { release: {} } as Parameters<typeof releaseJob>[0];
  return {
    name: 'Release',
    on: releaseTriggers('v'),
    permissions: {},
    concurrency: { group: concurrencyGroup('v'), 'cancel-in-progress': false },
    jobs: withJobTimeouts({
      plan,
      build,
      release: releaseJob(emptyConfig, resolved, runsOn),
      publish: publishMatrixJob(resolved),
      summarize: summarizeJob(['publish'], resolved, runsOn),
    }),
  };
}

export function renderStarterWorkflow(options: RenderOptions = {}): string {
  return serializeWorkflow(starterWorkflow(options), STARTER_HEADER);
}

/** `deployforge-release.properties.json`, GitHub's starter-workflow metadata. */
export function starterWorkflowProperties(): string {
  return `${JSON.stringify({
    name: 'DeployForge release',
    description: 'One config file, one release: GitHub Release with checksums, then npm, PyPI, crates.io, OCI images, Homebrew, Scoop, Winget and more, driven by deployforge.yml.',
    iconName: 'deployforge',
    categories: ['Deployment', 'Continuous integration'],
    filePatterns: ['deployforge.yml$'],
  }, null, 2)}\n`;
}
