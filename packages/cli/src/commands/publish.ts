import type { Command } from 'commander';
import { createCliLogger } from '../cli-logger.js';
import { EXIT_FINDINGS } from '../exit-codes.js';
import { keyError, printJson } from '../json-output.js';
import { configOption, type CommandContext } from '../command-context.js';

// The runner (builds, uploads, every platform's client) loads when this command runs, not when the
// CLI starts: `validate`, `plan` and `generate` never need it (issue 20).
const runner = () => import('@deployforge/runner');

interface PublishOptions {
  config: string;
  version?: string;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
}

export function registerPublish(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('publish'))
    .description('publish one spoke (npm, homebrew, custom:deploy…) from the existing release')
    .argument('<platform>', 'a platform id, or custom:<name>')
    .option('--version <version>', 'the released version (default: the tag in GITHUB_REF, else the release tag on HEAD, else version.from)')
    .option('--dry-run', 'render and validate the package, write nothing')
    .option('--force', 'replace a version that exists with different content, where the platform allows it')
    .option('--json', 'print the outcome as one JSON document on stdout')
    .addHelpText('after', '\nExit codes: 0 published, skipped (already there), dry-run or needs-human;\n1 failed; 2 bad input.')
    .action(async (platform: string, options: PublishOptions) => {
      const { outcome } = await (await runner()).runPublish({
        configPath: options.config,
        key: platform,
        ...(options.version ? { version: options.version } : {}),
        dryRun: options.dryRun ?? false,
        force: options.force ?? false,
        io: ctx.io,
        log: createCliLogger(ctx.io),
        // As `release` does: on a tagged HEAD, that tag's version, not the manifest's.
        versionFromHeadTag: true,
      });
      if (options.json) printJson(ctx.io, outcome, outcome.status === 'failed' ? [keyError(outcome.key, outcome.detail)] : []);
      else ctx.io.stdout(`${outcome.key}: ${outcome.status}${outcome.url ? ` ${outcome.url}` : ''}\n  ${outcome.detail}\n`);
      if (outcome.status === 'failed') ctx.setExitCode(EXIT_FINDINGS);
    });
}
