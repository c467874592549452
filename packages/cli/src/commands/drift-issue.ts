import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigurationError } from '@deployforge/diagnostics';
import { parseStatusDocument } from '@deployforge/status';
import { createCliLogger } from '../cli-logger.js';
import { configOption, type CommandContext } from '../command-context.js';
import { printJson } from '../json-output.js';

// The runner (and its GitHub client) loads only when the command runs (issue 20).
const runner = () => import('@deployforge/runner');

interface DriftIssueOptions {
  config: string;
  report: string;
  workflow?: string;
  json?: boolean;
}

export function registerDriftIssue(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('drift-issue'))
    .description('keep one GitHub issue in step with a drift report: open it on drift, update it, close it once in sync (status.issues)')
    .requiredOption('--report <file>', 'the report of `deployforge status --json`')
    .option('--workflow <file>', 'the release workflow file, for the `gh workflow run` line in the issue')
    .option('--json', 'print what was done as one JSON document on stdout')
    .addHelpText('after', [
      '',
      'Does nothing (and needs no token) unless the config says status.issues: true.',
      'Otherwise GITHUB_TOKEN needs issues: write. The issue is found again by a marker',
      'in its body; an unchanged drift is not written again. The monitor starter',
      'workflow runs this after `deployforge status --json`.',
      '',
      'Exit codes: 0 done (opened, updated, closed, unchanged, in sync or disabled),',
      '1 a GitHub request failed, 2 bad input (config, report file, missing token).',
    ].join('\n'))
    .action(async (options: DriftIssueOptions) => {
      let text: string;
      try {
        text = await readFile(resolve(ctx.io.cwd, options.report), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException | undefined)?.code;
        throw new ConfigurationError(`${options.report}: cannot read the drift report${code ? ` (${code})` : ''}`);
      }
      const report = parseStatusDocument(text, options.report);
      const result = await (await runner()).syncDriftIssue({
        configPath: options.config,
        report,
        io: ctx.io,
        log: createCliLogger(ctx.io),
        ...(options.workflow ? { workflow: options.workflow } : {}),
      });
      if (options.json) printJson(ctx.io, result);
      else ctx.io.stdout(`${result.action}: ${result.detail}${result.url ? ` (${result.url})` : ''}\n`);
    });
}
