import type { DeployforgeConfig } from '@deployforge/config';
import { sortTargets } from '@deployforge/targets';
import { checkoutStep } from './checkout-step.js';
import { BUILD_IF, PLANNED_TAG_REF } from './job-conditions.js';
import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import { ownAction, type ResolvedRenderOptions } from './render-options.js';
import { runScript } from './run-script.js';
import { toolchainSteps } from './toolchain-steps.js';
import type { Job, Step } from './workflow-types.js';

/**
 * `build.cross: true`: every target in one job on one Linux runner, the toolchain told the target
 * by `GOOS`/`GOARCH` (and `DEPLOYFORGE_RUST_TARGET` for commands that use it), with
 * `CGO_ENABLED=0` so no target needs its own C toolchain. One runner instead of one per target
 * (two of them macOS, billed at ten times the minutes). The steps are unrolled per target rather
 * than looped in a script: each target's build, packaging and upload is its own step in the log,
 * and packaging stays the `package` action, the one packager of both executors. Each archive is
 * uploaded under the artifact name a matrix leg would use, so the release job is the same.
 */
export function crossBuildJob(config: DeployforgeConfig, command: string, options: ResolvedRenderOptions, archivePrefix: string): Job {
  const targets = sortTargets(config.build?.targets ?? []);
  const steps: Step[] = [checkoutStep(PLANNED_TAG_REF), ...toolchainSteps(command, options.configPath)];
  for (const t of targets) {
    steps.push(
      {
        name: `Build ${t.id}`,
        shell: 'bash',
        env: {
          DEPLOYFORGE_TARGET: t.id,
          DEPLOYFORGE_RUST_TARGET: t.rustTriple,
          GOOS: t.goos,
          GOARCH: t.goarch,
          CGO_ENABLED: '0',
          DEPLOYFORGE_VERSION: '${{ needs.plan.outputs.version }}',
        },
        run: runScript(command),
      },
      {
        name: `Package ${t.id}`,
        id: `package-${t.id}`,
        uses: ownAction(options, 'package'),
        with: { config: options.configPath, version: '${{ needs.plan.outputs.version }}', target: t.id },
      },
      {
        name: `Upload the ${t.id} archive`,
        uses: pinnedUses(PINNED_ACTIONS.uploadArtifact),
        with: {
          name: `${archivePrefix}${t.id}`,
          path: `\${{ steps.package-${t.id}.outputs.archive }}`,
          'if-no-files-found': 'error',
          'compression-level': 0,
          // A re-run of this job replaces what an earlier attempt uploaded (409 Conflict otherwise).
          overwrite: true,
        },
      },
    );
  }
  return {
    name: 'build (cross-compiled)',
    needs: 'plan',
    if: BUILD_IF,
    // A Linux runner: the label of the jobs that do not build, unless it is set to something else.
    'runs-on': config.workflow?.['runs-on'] ?? 'ubuntu-latest',
    permissions: { contents: 'read' },
    steps,
  };
}
