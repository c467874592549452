import type { Command } from 'commander';
import { createCliLogger } from '../cli-logger.js';
import { fitTable, outputWidth } from '../fit-table.js';
import { printJson } from '../json-output.js';
import { configOption, type CommandContext } from '../command-context.js';

// The runner (builds, uploads, every platform's client) loads when this command runs, not when the
// CLI starts: `validate`, `plan` and `generate` never need it (issue 20).
const runner = () => import('@deployforge/runner');

interface StatsOptions {
  config: string;
  platforms?: string;
  json?: boolean;
}

export function registerStats(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('stats'))
    .description('downloads per platform and in total (platforms that publish no figure say so, never 0)')
    .option('--platforms <list>', 'comma-separated platforms (github included), or "all"', 'all')
    .option('--json', 'print the figures as one JSON document on stdout (null where a platform publishes none)')
    .addHelpText('after', '\nExit codes: 0, 2 bad input.')
    .action(async (options: StatsOptions) => {
      const report = await (await runner()).runStats({
        configPath: options.config,
        ...(options.platforms ? { platforms: options.platforms } : {}),
        io: ctx.io,
        log: createCliLogger(ctx.io),
      });
      if (options.json) {
        printJson(ctx.io, report);
        return;
      }
      const rows = Object.entries(report.platforms).map(([key, p]) => [key, p.downloads === null ? '-' : String(p.downloads), p.detail]);
      rows.push(['total', String(report.total), 'of the platforms above that publish a figure']);
      ctx.io.stdout(`${fitTable(['platform', 'downloads', 'detail'], rows, outputWidth(ctx.io.env, ctx.io.isTTY))}\n`);
    });
}
