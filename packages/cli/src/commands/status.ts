import type { Command } from 'commander';
import { createCliLogger } from '../cli-logger.js';
import { EXIT_FINDINGS } from '../exit-codes.js';
import { fitTable, outputWidth } from '../fit-table.js';
import { keyError, printJson } from '../json-output.js';
import { configOption, type CommandContext } from '../command-context.js';

// The runner (builds, uploads, every platform's client) loads when this command runs, not when the
// CLI starts: `validate`, `plan` and `generate` never need it (issue 20).
const runner = () => import('@deployforge/runner');

interface StatusOptions {
  config: string;
  platforms?: string;
  json?: boolean;
}

export function registerStatus(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('status'))
    .description('the latest live version on every platform, and drift from the newest GitHub release')
    .option('--platforms <list>', 'comma-separated platforms (github included), or "all"', 'all')
    .option('--json', 'print the drift report as one JSON document on stdout (status.json-compatible)')
    .addHelpText('after', [
      '',
      'States: in-sync, behind, ahead, missing (not published there), unknown (could',
      'not be read; the reason is shown).',
      'Exit codes: 0 every platform in sync, 1 drift or unknown, 2 bad input.',
    ].join('\n'))
    .action(async (options: StatusOptions) => {
      const report = await (await runner()).runStatus({
        configPath: options.config,
        ...(options.platforms ? { platforms: options.platforms } : {}),
        io: ctx.io,
        log: createCliLogger(ctx.io),
      });
      if (options.json) {
        const drifted = Object.entries(report.platforms).filter(([, p]) => p.state !== 'in-sync');
        const errors = report.drift ? drifted.map(([k, p]) => keyError(k, `${p.state}: ${p.detail.split('\n')[0] ?? ''}`)) : [];
        printJson(ctx.io, report, report.drift && errors.length === 0 ? [keyError('github', 'drift: the newest release is not the latest one')] : errors);
      } else {
        const rows = Object.entries(report.platforms).map(([key, p]) => [key, p.live ?? '-', p.release, p.state, p.detail.split('\n')[0] ?? '']);
        ctx.io.stdout(`newest release: ${report.tag} (${report.repository})\n`);
        ctx.io.stdout(`${fitTable(['platform', 'live', 'release', 'state', 'detail'], rows, outputWidth(ctx.io.env, ctx.io.isTTY))}\n`);
        ctx.io.stdout(report.drift ? 'drift: some platforms do not serve the newest release\n' : 'every platform serves the newest release\n');
      }
      if (report.drift) ctx.setExitCode(EXIT_FINDINGS);
    });
}
