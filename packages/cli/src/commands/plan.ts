import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '@deployforge/config';
import { ConfigurationError } from '@deployforge/diagnostics';
import { createPlan, credentialFactsFromEnv, parsePlatformSelection, spokeKeys, type Plan } from '@deployforge/plan';
import { formatTable } from '../format-table.js';
import { configFileFor, loadPlanInputs, type InputSource, type PlanInputs } from '@deployforge/inputs';
import { printJson } from '../json-output.js';
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
  const loaded = await loadConfig(configFileFor(options.config, io.cwd));
  // Lazy: the runner (and everything it loads) only for this flag.
  const { snapshotVersion } = await import('@deployforge/runner');
  const version = await snapshotVersion(loaded, dirname(resolve(io.cwd, options.config)));
  const keys = spokeKeys(loaded.config, loaded.enabledPlatforms).map((k) => k.key);
  return { loaded, version, selection: parsePlatformSelection(options.platforms, keys, '--platforms'), trigger: 'local' };
}

export function registerPlan(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('plan'))
    .description('show the release plan: version, targets with every ecosystem name, which jobs and spokes run')
    .option('--version <version>', 'the version to release (default: from the tag in GITHUB_REF or version.from)')
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
        : await loadPlanInputs(options.config, { ...options, versionName: '--version' }, ctx.io);
      const plan = createPlan({
        ...inputs,
        ...(options.checkCredentials ? { credentials: credentialFactsFromEnv(ctx.io.env) } : {}),
        force: options.force ?? false,
        dryRun: options.dryRun ?? false,
      });
      if (options.json) printJson(ctx.io, plan);
      else ctx.io.stdout(`${renderPlan(plan)}\n`);
    });
}

export function renderPlan(plan: Plan): string {
  const v = plan.version;
  const head = `${plan.project} ${v.version} (tag ${v.tag}; ${v.prerelease ? 'prerelease, ' : ''}npm dist-tag ${v.npmDistTag}; PyPI ${v.pypiVersion ?? 'not representable'})`;
  const targets = formatTable(
    ['target', 'runner', 'rust triple', 'GOOS/GOARCH', 'npm os/cpu', 'PyPI tag', 'OCI', 'archive'],
    plan.targets.map((t) => [
      t.target, t['runs-on'], t['rust-target'], `${t.goos}/${t.goarch}`,
      `${t.npm.os}/${t.npm.cpu}${t.npm.libc ? `/${t.npm.libc}` : ''}`, t.pypi.platformTag,
      t.oci ? `${t.oci.os}/${t.oci.architecture}${t.oci.variant ? `/${t.oci.variant}` : ''}` : '-', t.archive,
    ]),
  );
  const jobs = formatTable(['job', 'runs', 'why'], [
    ['build', plan.build.run ? 'yes' : 'no', plan.build.detail],
    ['release', plan.release.run ? 'yes' : 'no', plan.release.detail],
  ]);
  // `| OIDC` only where the config declares trusted publishing: only then does it count (and only
  // then does the generated job get id-token: write).
  const spokes = plan.spokes.length === 0 ? 'no platforms enabled' : formatTable(
    ['spoke', 'runs', 'reason', 'required', 'credentials', 'detail'],
    plan.spokes.map((s) => [
      s.key, s.run ? 'yes' : 'no', s.reason, s.required ? 'yes' : 'no',
      s.credentials.names.length === 0 ? '-' : `${s.credentials.names.join(s.credentials.mode === 'all' ? ' + ' : ' | ')}${s.credentials.trustedPublishing ? ' | OIDC' : ''}`,
      s.detail,
    ]),
  );
  return `${head}\n\nTargets\n${targets}\n\nJobs\n${jobs}\n\nSpokes\n${spokes}`;
}
