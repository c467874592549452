import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { configPackage } from '../config-package.js';
import { ConfigurationError } from '@deployforge/diagnostics';
import { createPlan, credentialFactsFromEnv, parsePlatformSelection, spokeKeys, type Plan } from '@deployforge/plan';
import { fitTable, outputWidth, wrapText } from '../fit-table.js';
import { configFileFor, loadPlanInputs, type InputSource, type PlanInputs } from '@deployforge/inputs';
import { printJson } from '../json-output.js';
// One small file of the runner (git tag lookup), not the runner: build-plugins.mjs imports it directly.
import { releaseTagAtHeadIfAny } from '@deployforge/runner';
import { createCliLogger } from '../cli-logger.js';
import { configOption, type CommandContext } from '../command-context.js';

interface PlanOptions {
  config: string;
  version?: string;
  platforms?: string;
  ref?: string;
  json?: boolean;
  checkCredentials?: boolean;
  force?: boolean;
  dryRun?: boolean;
  snapshot?: boolean;
}

/**
 * `plan --snapshot`: the plan of the version `release --snapshot` would stamp, so a check that runs
 * on a branch or a pull request (no tag, version.from: tag) can still show the whole plan.
 */
async function snapshotPlanInputs(options: PlanOptions, io: InputSource): Promise<PlanInputs> {
  if (options.version !== undefined || options.ref !== undefined) throw ConfigurationError.forInput('--snapshot', 'cannot be combined with --version or --ref (it plans the snapshot version)');
  const loaded = await (await configPackage()).loadConfig(configFileFor(options.config, io.cwd));
  // Lazy: the runner (and everything it loads) only for this flag.
  const { snapshotVersion } = await import('@deployforge/runner');
  const version = await snapshotVersion(loaded, dirname(resolve(io.cwd, options.config)));
  const keys = spokeKeys(loaded.config, loaded.enabledPlatforms).map((k) => k.key);
  return { loaded, version, selection: parsePlatformSelection(options.platforms, keys, '--platforms'), trigger: 'local' };
}

export function registerPlan(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('plan'))
    .description('show the release plan: version, targets with every ecosystem name, which jobs and spokes run')
    .option('--version <version>', 'the version to release (default: the tag in GITHUB_REF, else the release tag on HEAD, else version.from)')
    .option('--platforms <list>', 'comma-separated spokes to select, or "all"', 'all')
    .option('--ref <ref>', 'git ref to read the version from (default: $GITHUB_REF)')
    .option('--check-credentials', 'mark spokes whose credentials are not set in the environment')
    .option('--force', 'plan as if --force were given to release')
    .option('--dry-run', 'plan a dry run')
    .option('--json', 'print the plan as one JSON document on stdout')
    .option('--snapshot', 'plan the version release --snapshot would build (<next>-snapshot+<sha>)')
    .addHelpText('after', '\nExamples:\n  deployforge plan --version 1.2.3\n  deployforge plan --version 1.2.3 --platforms npm,homebrew --json\n\nExit codes: 0 ok, 2 bad config, version or flags.')
    .action(async (options: PlanOptions) => {
      const inputs = options.snapshot
        ? await snapshotPlanInputs(options, ctx.io)
        : await loadPlanInputs(options.config, {
          ...options,
          versionName: '--version',
          // The version `release` would take: on a tagged HEAD, the tag's, not the manifest's.
          tagWhenUntagged: (prefix, file) => releaseTagAtHeadIfAny(dirname(resolve(ctx.io.cwd, options.config)), prefix, file, createCliLogger(ctx.io)),
        }, ctx.io);
      const plan = createPlan({
        ...inputs,
        ...(options.checkCredentials ? { credentials: credentialFactsFromEnv(ctx.io.env) } : {}),
        force: options.force ?? false,
        dryRun: options.dryRun ?? false,
      });
      if (options.json) printJson(ctx.io, plan);
      else ctx.io.stdout(`${renderPlan(plan, { width: outputWidth(ctx.io.env, ctx.io.isTTY), buildCommand: inputs.loaded.config.build?.command, cross: inputs.loaded.config.build?.cross === true })}\n`);
    });
}

export interface RenderPlanOptions {
  /** Fit every table to this many columns (outputWidth: $COLUMNS, the terminal, else 80). */
  width?: number;
  /** build.command: tells which toolchain's target names matter (Rust triples, GOOS/GOARCH). */
  buildCommand?: string;
  cross?: boolean;
}

/** One column of the targets table, shown only when its ecosystem is in use. */
interface TargetColumn {
  header: string;
  cell: (t: Plan['targets'][number]) => string;
  shown: boolean;
}

/**
 * The plan for people. The targets table shows only the names of the ecosystems this release
 * uses (npm os/cpu when npm or GitHub Packages is on, the Rust triple when the build uses it…):
 * eight columns for every target ran past any terminal. `--json` carries all of them.
 */
export function renderPlan(plan: Plan, options: RenderPlanOptions = {}): string {
  const width = options.width ?? 80;
  const command = options.buildCommand ?? '';
  const platforms = new Set(plan.spokes.map((s) => s.platform));
  const v = plan.version;
  // As with the columns: the npm dist-tag and the PyPI version only when those platforms are on
  // (a Rust-only project's plan told its reader about npm and PyPI).
  const facts = [
    `tag ${v.tag}${v.prerelease ? ', prerelease' : ''}`,
    ...(platforms.has('npm') || platforms.has('github-packages') ? [`npm dist-tag ${v.npmDistTag}`] : []),
    ...(platforms.has('pypi') ? [`PyPI ${v.pypiVersion ?? 'not representable'}`] : []),
  ];
  const head = `${plan.project} ${v.version} (${facts.join('; ')})`;
  const all: TargetColumn[] = [
    { header: 'target', cell: (t) => t.target, shown: true },
    { header: 'runner', cell: (t) => t['runs-on'], shown: true },
    { header: 'rust triple', cell: (t) => t['rust-target'], shown: /DEPLOYFORGE_RUST_TARGET|\bcargo\b/.test(command) || platforms.has('crates') },
    { header: 'GOOS/GOARCH', cell: (t) => `${t.goos}/${t.goarch}`, shown: options.cross === true || /\bGOOS\b|\bGOARCH\b|\bgo build\b/.test(command) },
    { header: 'npm os/cpu', cell: (t) => `${t.npm.os}/${t.npm.cpu}${t.npm.libc ? `/${t.npm.libc}` : ''}`, shown: platforms.has('npm') || platforms.has('github-packages') },
    { header: 'PyPI tag', cell: (t) => t.pypi.platformTag, shown: platforms.has('pypi') },
    { header: 'OCI', cell: (t) => (t.oci ? `${t.oci.os}/${t.oci.architecture}${t.oci.variant ? `/${t.oci.variant}` : ''}` : '-'), shown: platforms.has('docker') },
    { header: 'archive', cell: (t) => t.archive, shown: true },
  ];
  const columns = all.filter((c) => c.shown);
  const targets = fitTable(columns.map((c) => c.header), plan.targets.map((t) => columns.map((c) => c.cell(t))), width);
  const jobs = fitTable(['job', 'runs', 'why'], [
    ['build', plan.build.run ? 'yes' : 'no', plan.build.detail],
    ['release', plan.release.run ? 'yes' : 'no', plan.release.detail],
  ], width);
  // `| OIDC` only where the config declares trusted publishing: only then does it count (and only
  // then does the generated job get id-token: write).
  const spokes = plan.spokes.length === 0 ? 'no platforms enabled' : fitTable(
    ['spoke', 'runs', 'reason', 'required', 'credentials', 'detail'],
    plan.spokes.map((s) => [
      s.key, s.run ? 'yes' : 'no', s.reason, s.required ? 'yes' : 'no',
      s.credentials.names.length === 0 ? '-' : `${s.credentials.names.join(s.credentials.mode === 'all' ? ' + ' : ' | ')}${s.credentials.trustedPublishing ? ' | OIDC' : ''}`,
      s.detail,
    ]),
    width,
  );
  return `${wrapText(head, width).join('\n')}\n\nTargets\n${targets}\n\nJobs\n${jobs}\n\nSpokes\n${spokes}`;
}
