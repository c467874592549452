import type { Command } from 'commander';
import { runCheckExists } from '@deployforge/runner';
import { createCliLogger } from '../cli-logger.js';
import { EXIT_FINDINGS } from '../exit-codes.js';
import { formatTable } from '../format-table.js';
import { configOption, type CommandContext } from '../program.js';

interface CheckOptions {
  config: string;
  version?: string;
  platforms?: string;
  json?: boolean;
}

export function registerCheckExists(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('check-exists'))
    .description('per platform: is this version there? absent / identical / different / burned / pending / unknown')
    .option('--version <version>', 'the version to look for (default: from the tag in GITHUB_REF or version.from)')
    .option('--platforms <list>', 'comma-separated spokes, or "all"', 'all')
    .option('--json', 'print the states as one JSON document on stdout')
    .addHelpText('after', '\nExit codes: 0 every check answered, 1 some check is unknown, 2 bad input.')
    .action(async (options: CheckOptions) => {
      const states = await runCheckExists({
        configPath: options.config,
        ...(options.version ? { version: options.version } : {}),
        ...(options.platforms ? { platforms: options.platforms } : {}),
        io: ctx.io,
        log: createCliLogger(ctx.io),
      });
      if (options.json) ctx.io.stdout(`${JSON.stringify(states, null, 2)}\n`);
      else ctx.io.stdout(`${formatTable(['platform', 'state', 'detail'], Object.entries(states).map(([k, e]) => [k, e.state, e.detail ?? '']))}\n`);
      if (Object.values(states).some((e) => e.state === 'unknown')) ctx.setExitCode(EXIT_FINDINGS);
    });
}
