import type { Command } from 'commander';
import { runLocalRelease } from '@deployforge/runner';
import { createCliLogger } from '../cli-logger.js';
import { EXIT_FINDINGS, EXIT_INTERRUPTED } from '../exit-codes.js';
import { keyError, printJson, printJsonFailure } from '../json-output.js';
import { configOption, type CommandContext } from '../command-context.js';
import { createSpokeProgress } from '../spoke-progress.js';
import { renderStatusTable } from '../status-table.js';

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
}

export function registerRelease(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('release'))
    .description('run the whole release here: build (or --artifacts), the hub, then every spoke in parallel, then status.json')
    .option('--version <version>', 'the version to release (default: from the tag in GITHUB_REF or version.from)')
    .option('--platforms <list>', 'comma-separated spokes, or "all"', 'all')
    .option('--artifacts <dir>', 'prebuilt archives named <name>-<version>-<target>.tar.gz|.zip (skips the build)')
    .option('--dry-run', 'render and validate everything, write nothing')
    .option('--dry-run-platforms <list>', 'spokes to run as dry runs in a real release (platforms you cannot reach from here)')
    .option('--force', 'replace versions that exist with different content, where the platform allows it')
    .option('--concurrency <n>', 'spokes in flight at once', '4')
    .option('--out <dir>', 'where status.json is written (default: .deployforge/ next to the config)')
    .option('--json', 'print status.json on stdout instead of the table')
    .addHelpText('after', [
      '',
      'Environment: GITHUB_TOKEN (contents: write), GITHUB_API_URL for GitHub Enterprise, and each',
      "platform's credential (NPM_TOKEN, PYPI_TOKEN, …: see `deployforge plan --check-credentials`).",
      '',
      'Exit codes: 0 released (or nothing to do), 1 a required platform failed, 2 bad config, version or flags.',
      'Safe to re-run: what is already published is skipped; Ctrl-C stops cleanly and a re-run converges.',
    ].join('\n'))
    .action(async (options: ReleaseOptions) => {
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
        const result = await runLocalRelease({
          configPath: options.config,
          flags: {
            ...(options.version ? { version: options.version } : {}),
            ...(options.platforms ? { platforms: options.platforms } : {}),
            ...(options.artifacts ? { artifacts: options.artifacts } : {}),
            dryRun: options.dryRun ?? false,
            ...(options.dryRunPlatforms ? { dryRunPlatforms: options.dryRunPlatforms } : {}),
            force: options.force ?? false,
            concurrency: Number(options.concurrency ?? '4'),
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
        else ctx.io.stdout(`\n${renderStatusTable(result.status)}\n\nstatus: ${result.statusFile}\n`);
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
