import type { Command } from 'commander';
import { createCliLogger } from '../cli-logger.js';
import { EXIT_FINDINGS } from '../exit-codes.js';
import { fitTable, outputWidth } from '../fit-table.js';
import { keyError, printJson } from '../json-output.js';
import { configOption, type CommandContext } from '../command-context.js';

// The runner (builds, uploads, every platform's client) loads when this command runs, not when the
// CLI starts: `validate`, `plan` and `generate` never need it (issue 20).
const runner = () => import('@deployforge/runner');

interface RollbackOptions {
  config: string;
  to: string;
  platforms?: string;
  dryRun?: boolean;
  json?: boolean;
}

export function registerRollback(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('rollback'))
    .description('move each platform\'s "latest" pointer back to an earlier release (deletes nothing)')
    .requiredOption('--to <version>', 'the released version users should get again')
    .option('--platforms <list>', 'comma-separated platforms (github included), or "all"', 'all')
    .option('--dry-run', 'show which pointers would move, write nothing')
    .option('--json', 'print the outcome as one JSON document on stdout')
    .addHelpText('after', [
      '',
      "Needs GITHUB_TOKEN (contents: write) and each platform's credentials, as",
      '`release` does.',
      'Exit codes: 0 moved, already there, dry run or needs a person (the line says',
      'what to do); 1 some platform failed; 2 bad input.',
    ].join('\n'))
    .action(async (options: RollbackOptions) => {
      const report = await (await runner()).runRollback({
        configPath: options.config,
        to: options.to,
        ...(options.platforms ? { platforms: options.platforms } : {}),
        dryRun: options.dryRun ?? false,
        io: ctx.io,
        log: createCliLogger(ctx.io),
      });
      if (options.json) {
        const failed = Object.entries(report.platforms).filter(([, p]) => p.status === 'failed');
        printJson(ctx.io, report, failed.map(([k, p]) => keyError(k, p.detail)));
      } else {
        const rows = Object.entries(report.platforms).map(([key, p]) => [key, p.status, p.detail.split('\n')[0] ?? '']);
        ctx.io.stdout(`rollback to ${report.to}${report['dry-run'] ? ' (dry run: nothing written)' : ''}\n`);
        ctx.io.stdout(`${fitTable(['platform', 'status', 'detail'], rows, outputWidth(ctx.io.env, ctx.io.isTTY))}\n`);
      }
      if (Object.values(report.platforms).some((p) => p.status === 'failed')) ctx.setExitCode(EXIT_FINDINGS);
    });
}
