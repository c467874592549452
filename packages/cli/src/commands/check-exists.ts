import type { Command } from 'commander';
import { createCliLogger } from '../cli-logger.js';
import { EXIT_FINDINGS } from '../exit-codes.js';
import { fitTable, outputWidth } from '../fit-table.js';
import { keyError, printJson } from '../json-output.js';
import { configOption, type CommandContext } from '../command-context.js';

// The runner (builds, uploads, every platform's client) loads when this command runs, not when the
// CLI starts: `validate`, `plan` and `generate` never need it (issue 20).
const runner = () => import('@deployforge/runner');

interface CheckOptions {
  config: string;
  version?: string;
  platforms?: string;
  json?: boolean;
}

export function registerCheckExists(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('check-exists'))
    .description('per platform: is this version there? absent / identical / different / burned / pending / unknown')
    .option('--version <version>', 'the version to look for (default: the tag in GITHUB_REF, else the release tag on HEAD, else version.from)')
    .option('--platforms <list>', 'comma-separated spokes, or "all"', 'all')
    .option('--json', 'print the states as one JSON document on stdout')
    .addHelpText('after', '\nExit codes: 0 every check answered, 1 some check is unknown, 2 bad input.')
    .action(async (options: CheckOptions) => {
      const states = await (await runner()).runCheckExists({
        configPath: options.config,
        ...(options.version ? { version: options.version } : {}),
        ...(options.platforms ? { platforms: options.platforms } : {}),
        io: ctx.io,
        log: createCliLogger(ctx.io),
        // As `release` does: on a tagged HEAD, that tag's version, not the manifest's.
        versionFromHeadTag: true,
      });
      const unknown = Object.entries(states).filter(([, e]) => e.state === 'unknown');
      // `platforms` like every other report; the per-platform keys at the top stay for scripts written
      // before it (they were the whole document).
      if (options.json) printJson(ctx.io, { platforms: states, ...states }, unknown.map(([k, e]) => keyError(k, `unknown: ${e.detail ?? 'the check could not answer'}`)));
      else ctx.io.stdout(`${fitTable(['platform', 'state', 'detail'], Object.entries(states).map(([k, e]) => [k, e.state, e.detail ?? '']), outputWidth(ctx.io.env, ctx.io.isTTY))}\n`);
      if (unknown.length > 0) ctx.setExitCode(EXIT_FINDINGS);
    });
}
