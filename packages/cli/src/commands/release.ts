import type { Command } from 'commander';
import { ConfigurationError } from '@deployforge/diagnostics';
import { createCliLogger } from '../cli-logger.js';
import { EXIT_FINDINGS, EXIT_INTERRUPTED } from '../exit-codes.js';
import { keyError, printJson, printJsonFailure } from '../json-output.js';
import { configOption, type CommandContext } from '../command-context.js';
import { createSpokeProgress } from '../spoke-progress.js';
import { renderStatusTable } from '../status-table.js';
import { renderSnapshotTable } from '../snapshot-table.js';
import { outputWidth } from '../fit-table.js';

// The runner (builds, uploads, every platform's client) loads when this command runs, not when the
// CLI starts: `validate`, `plan` and `generate` never need it (issue 20).
const runner = () => import('@deployforge/runner');

interface ReleaseOptions {
  config: string;
  version?: string;
  platforms?: string;
  artifacts?: string;
  dryRun?: boolean;
  dryRunPlatforms?: string;
  force?: boolean;
  concurrency?: string;
  out?: string;
  json?: boolean;
  snapshot?: boolean;
  targets?: string;
}

/** Flags that make no sense offline: refused (exit 2) rather than silently ignored. */
const NOT_WITH_SNAPSHOT = [['artifacts', '--artifacts'], ['dryRun', '--dry-run'], ['dryRunPlatforms', '--dry-run-platforms'], ['force', '--force'], ['out', '--out']] as const;

async function releaseSnapshot(options: ReleaseOptions, ctx: CommandContext): Promise<void> {
  for (const [key, flag] of NOT_WITH_SNAPSHOT) {
    if (options[key] !== undefined && options[key] !== false) throw ConfigurationError.forInput(flag, 'cannot be combined with --snapshot (a snapshot publishes nothing and keeps everything in .deployforge/dist/)');
  }
  const result = await (await runner()).runSnapshot({
    configPath: options.config,
    flags: {
      ...(options.version ? { version: options.version } : {}),
      ...(options.targets ? { targets: options.targets } : {}),
      ...(options.platforms && options.platforms !== 'all' ? { platforms: options.platforms } : {}),
    },
    io: ctx.io,
    log: createCliLogger(ctx.io),
  });
  const failed = result.entries.filter((e) => e.status === 'failed');
  if (options.json) {
    printJson(ctx.io, { snapshot: result }, failed.map((e) => keyError(e.key, e.detail)));
  } else {
    ctx.io.stdout(`\n${renderSnapshotTable(result, ctx.io.cwd, outputWidth(ctx.io.env, ctx.io.isTTY))}\n`);
  }
  if (failed.length > 0) {
    ctx.io.stderr(`these packages could not be made, and a real release would fail on them too: ${failed.map((e) => e.key).join(', ')}\n`);
    ctx.setExitCode(EXIT_FINDINGS);
  }
}

export function registerRelease(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('release'))
    .description('run the whole release here: build (or --artifacts), the hub, then every spoke in parallel, then status.json')
    .option('--version <version>', 'the version to release (default: as version.from says: the tag in GITHUB_REF, else the one version tag on HEAD; or the version file)')
    .option('--platforms <list>', 'comma-separated spokes, or "all"', 'all')
    .option('--artifacts <dir>', 'prebuilt archives named <name>-<version>-<target>.tar.gz|.zip (skips the build)')
    .option('--dry-run', 'render and package everything, publish nothing; keeps it (hub files, packages, status.json) in .deployforge/dist/<version>/')
    .option('--dry-run-platforms <list>', 'spokes to run as dry runs in a real release (platforms you cannot reach from here)')
    .option('--force', 'replace versions that exist with different content, where the platform allows it')
    .option('--concurrency <n>', 'spokes in flight at once', '4')
    .option('--out <dir>', 'where status.json is written (default: .deployforge/ next to the config; a dry run\'s: .deployforge/dist/<version>/)')
    .option('--json', 'print status.json on stdout instead of the table')
    .option('--snapshot', 'rehearse offline: no token, no tag, no network; build, render every package and keep it in .deployforge/dist/<version>/')
    .option('--targets <list>', 'with --snapshot: comma-separated targets to build (default: this machine\'s target)')
    .addHelpText('after', [
      '',
      'Environment: GITHUB_TOKEN (contents: write), GITHUB_API_URL for GitHub',
      "Enterprise, and each platform's credential (NPM_TOKEN, PYPI_TOKEN, …: see",
      '`deployforge plan --check-credentials`). --snapshot reads none of them and',
      'reaches no network (docs/usage.md: Rehearsing a release).',
      '',
      'Exit codes: 0 released (or nothing to do), 1 a required platform failed,',
      '2 bad config, version or flags.',
      'With --snapshot: 0 every package made, 1 a package could not be made,',
      '2 bad config or flags.',
      'Safe to re-run: what is already published is skipped; Ctrl-C stops cleanly and',
      'a re-run converges.',
    ].join('\n'))
    .action(async (options: ReleaseOptions) => {
      if (options.snapshot) return releaseSnapshot(options, ctx);
      if (options.targets !== undefined) throw ConfigurationError.forInput('--targets', 'only with --snapshot (a real release builds every target in build.targets)');
      const log = createCliLogger(ctx.io);
      const progress = createSpokeProgress(ctx.io, { live: ctx.io.isTTY && !options.json });
      // Ctrl-C aborts in-flight requests and uploads (partial files are never renamed into place);
      // a second Ctrl-C exits at once.
      const abort = new AbortController();
      const onSigint = () => {
        if (abort.signal.aborted) process.exit(130);
        ctx.io.stderr('\nstopping: finishing nothing new, aborting what is in flight (Ctrl-C again to quit now)\n');
        abort.abort();
      };
      process.on('SIGINT', onSigint);
      try {
        const result = await (await runner()).runLocalRelease({
          configPath: options.config,
          flags: {
            ...(options.version ? { version: options.version } : {}),
            ...(options.platforms ? { platforms: options.platforms } : {}),
            ...(options.artifacts ? { artifacts: options.artifacts } : {}),
            dryRun: options.dryRun ?? false,
            ...(options.dryRunPlatforms ? { dryRunPlatforms: options.dryRunPlatforms } : {}),
            force: options.force ?? false,
            concurrency: concurrencyOf(options.concurrency),
            ...(options.out ? { outDir: options.out } : {}),
          },
          io: ctx.io,
          log,
          signal: abort.signal,
          onSpokeEvent: (e) => progress.onEvent(e),
        });
        progress.stop();
        if (abort.signal.aborted) {
          ctx.io.stderr('interrupted: spokes in flight were stopped and none started after Ctrl-C; run the same command again to finish the release\n');
          ctx.setExitCode(EXIT_INTERRUPTED);
        }
        if (options.json) {
          const errors = result.failedRequired.map((k) => keyError(k, `required platform failed: ${result.status.platforms[k]?.detail ?? ''}`));
          if (abort.signal.aborted) errors.push(keyError(null, 'interrupted: run the same command again to finish the release'));
          printJson(ctx.io, result.status, errors);
        }
        else ctx.io.stdout(`\n${renderStatusTable(result.status, outputWidth(ctx.io.env, ctx.io.isTTY))}\n\nstatus: ${result.statusFile}\n`);
        if (result.failedRequired.length > 0) {
          ctx.io.stderr(`required platform(s) failed: ${result.failedRequired.join(', ')}\n`);
          ctx.setExitCode(EXIT_FINDINGS);
        }
      } catch (error) {
        // An abort surfaces as whatever request or child process it cut short; after Ctrl-C that
        // is the expected way out, not a bug: say what state things are in and exit like a shell.
        if (!abort.signal.aborted) throw error;
        ctx.io.stderr('interrupted: nothing half-written was left behind; run the same command again to finish the release\n');
        if (options.json) printJsonFailure(ctx.io, 'interrupted: nothing half-written was left behind; run the same command again to finish the release');
        ctx.setExitCode(EXIT_INTERRUPTED);
      } finally {
        progress.stop();
        process.off('SIGINT', onSigint);
      }
    });
}

/** `--concurrency` as a number; anything but digits is named as given ("abc", not NaN). */
function concurrencyOf(raw: string | undefined): number {
  const text = (raw ?? '4').trim();
  if (!/^\d+$/.test(text)) throw ConfigurationError.forInput('--concurrency', `expected a whole number from 1 to 32, got ${JSON.stringify(raw)}`);
  return Number(text);
}
