import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigurationError } from '@deployforge/diagnostics';
import { parseStatusDocument, renderDashboard, type StatusDocument } from '@deployforge/status';
import type { CommandContext } from '../command-context.js';

interface DashboardOptions {
  status: string[];
  out: string;
}

/** Reads one status file; an unreadable one is the user's to fix (exit 2), named like a bad one. */
async function readStatusFile(cwd: string, file: string): Promise<StatusDocument> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new ConfigurationError(`${file}: cannot read the status file${code ? ` (${code})` : ''}`);
  }
  // Named as the user wrote it, so the message points at the one of several --status files.
  return parseStatusDocument(text, file);
}

export function registerDashboard(program: Command, ctx: CommandContext): Command {
  return program.command('dashboard')
    .description('render the HTML dashboard (index.html, status.json, badge.json) from one or more status.json files')
    .requiredOption('--status <file>', 'a status.json; repeat it to add history (the newest is the release shown)', (value: string, previous: string[] = []) => [...previous, value])
    .requiredOption('--out <dir>', 'directory to write index.html, status.json and badge.json into')
    .addHelpText('after', [
      '',
      'The page is self-contained (inline CSS, no script, no external resource): open it from disk or',
      'publish the directory on GitHub Pages. badge.json is a shields.io endpoint badge.',
      '',
      'Exit codes: 0 written, 2 a status file is missing or invalid (the message names it).',
    ].join('\n'))
    .action(async (options: DashboardOptions) => {
      // Validate every file before writing anything, so a bad one never leaves a half-updated site.
      const docs: StatusDocument[] = [];
      for (const file of options.status) docs.push(await readStatusFile(ctx.io.cwd, file));
      const files = await renderDashboard(docs, resolve(ctx.io.cwd, options.out));
      ctx.io.stdout(`${files.index}\n`);
    });
}
