import type { DeployforgeConfig } from '@deployforge/config';
import { ConfigurationError } from '@deployforge/diagnostics';
import { checkoutStep } from './checkout-step.js';
import { crossBuildJob } from './cross-build-job.js';
import { runScript } from './run-script.js';
import { toolchainSteps } from './toolchain-steps.js';
import { BUILD_IF, PLANNED_TAG_REF } from './job-conditions.js';
import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import { ownAction, type ResolvedRenderOptions } from './render-options.js';
import type { Job, Step } from './workflow-types.js';

/** The artifact name prefix the release job downloads by pattern. */
export const ARCHIVE_ARTIFACT_PREFIX = 'deployforge-archive-';

/** What each build leg knows about its target, as the config's build command expects it. */
export const MATRIX_ENV = {
  DEPLOYFORGE_TARGET: '${{ matrix.target }}',
  DEPLOYFORGE_RUST_TARGET: '${{ matrix.rust-target }}',
  GOOS: '${{ matrix.goos }}',
  GOARCH: '${{ matrix.goarch }}',
  DEPLOYFORGE_VERSION: '${{ needs.plan.outputs.version }}',
};

/**
 * `build`: one leg per target on that target's runner (from the plan's matrix), running the
 * config's own build command (`bash` on every runner, Windows included, so one command serves all
 * targets), then packaging with the `package` action and uploading the archive for the hub.
 */
export function buildJob(
  config: DeployforgeConfig, file: string, locate: (p: (string | number)[]) => { line: number; column: number }, options: ResolvedRenderOptions,
): Job {
  const command = config.build?.command;
  const path = config.build?.path;
  for (const [key, value] of [['command', command], ['path', path]] as const) {
    if (value === undefined) {
      const at = locate(['build']);
      throw ConfigurationError.fromDiagnostics([{
        file, line: at.line, column: at.column, path: `build.${key}`,
        message: key === 'command'
          ? 'the release workflow needs the command that builds one target (for example: cargo build --release --target "$DEPLOYFORGE_RUST_TARGET")'
          : 'the release workflow needs where the built binary lands (for example: target/${DEPLOYFORGE_RUST_TARGET}/release/<name>)',
      }]);
    }
  }
  if (config.build?.cross === true) return crossBuildJob(config, command as string, options, ARCHIVE_ARTIFACT_PREFIX);
  return buildJobWith({ build: { name: 'Build', shell: 'bash', env: { ...MATRIX_ENV }, run: runScript(command as string) }, options, setup: toolchainSteps(command, options.configPath) });
}

/**
 * The build job around a given build step: the generated workflow writes the config's command
 * into it; the starter workflow, which cannot know the command, takes it from the plan.
 *
 * Packaging is the `package` action, the function the local runner packages with: no shell
 * script, so no `tar`/`7z` difference between runner images, and no `build.files` entry can ever
 * become a command's option. It reads build.path and build.files from the config itself.
 */
export function buildJobWith(spec: { build: Step; options: ResolvedRenderOptions; setup?: Step[] }): Job {
  return {
    name: 'build ${{ matrix.target }}',
    needs: 'plan',
    if: BUILD_IF,
    'runs-on': '${{ matrix.runs-on }}',
    permissions: { contents: 'read' },
    strategy: { 'fail-fast': false, matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}' },
    steps: [
      checkoutStep(PLANNED_TAG_REF),
      ...(spec.setup ?? []),
      spec.build,
      {
        name: 'Package',
        id: 'package',
        uses: ownAction(spec.options, 'package'),
        with: { config: spec.options.configPath, version: '${{ needs.plan.outputs.version }}', target: '${{ matrix.target }}' },
      },
      {
        name: 'Upload the archive',
        uses: pinnedUses(PINNED_ACTIONS.uploadArtifact),
        with: {
          name: `${ARCHIVE_ARTIFACT_PREFIX}\${{ matrix.target }}`,
          path: '${{ steps.package.outputs.archive }}',
          'if-no-files-found': 'error',
          // Already compressed: zipping it again only costs time.
          'compression-level': 0,
          // Artifact names are unique within a run, re-runs included: without this, "Re-run all jobs"
          // (or re-running this leg) fails with 409 Conflict before the hub ever sees the archive.
          overwrite: true,
        },
      },
    ],
  };
}
