import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigurationError } from '@deployforge/diagnostics';
import { DEFAULT_HISTORY_KEEP, parseStatusDocument, parseStatusHistory, renderDashboard, type StatusDocument } from '@deployforge/status';
import { createCliLogger } from '../cli-logger.js';
import { configOption, type CommandContext } from '../command-context.js';
import { printJson } from '../json-output.js';

// The runner (and its GitHub client) loads only for --published (issue 20).
const runner = () => import('@deployforge/runner');

interface DashboardOptions {
  status?: string[];
  out?: string;
  history?: string;
  keep: string;
  config: string;
  published?: boolean;
  json?: boolean;
}

/** Reads one input file; an unreadable one is the user's to fix (exit 2), named like a bad one. */
async function readInput(cwd: string, file: string, what: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new ConfigurationError(`${file}: cannot read the ${what}${code ? ` (${code})` : ''}`);
  }
}

// Named as the user wrote it, so the message points at the one of several --status files.
const readStatusFile = async (cwd: string, file: string): Promise<StatusDocument> => parseStatusDocument(await readInput(cwd, file, 'status file'), file);

function parseKeep(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 1000) throw new ConfigurationError(`--keep: expected a whole number from 1 to 1000, got "${value}"`);
  return n;
}

export function registerDashboard(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('dashboard'))
    .description('render the HTML dashboard (index.html, history, badge.json) from one or more status.json files')
    .option('--status <file>', 'a status.json; repeat it to add history (the newest is the release shown) (default: the .deployforge/status.json release wrote next to the config)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--out <dir>', 'directory to write index.html, status.json, history.json, badge.json and releases/ into (default: .deployforge/dashboard next to the config)')
    .option('--history <file>', 'a history.json written by an earlier run (a published site\'s): the --status files are added to it')
    .option('--keep <n>', 'how many status documents the history keeps, newest first', String(DEFAULT_HISTORY_KEEP))
    .option('--published', 'also add to the history published where the config says (status.pages or status.branch; GITHUB_TOKEN reads it), and say where to publish the result')
    .option('--json', 'print the files written (and, with --published, where to publish) as one JSON document')
    .addHelpText('after', [
      '',
      'The page is self-contained (inline CSS, no script, no external resource): open',
      'it from disk or publish the directory on GitHub Pages. badge.json is a',
      'shields.io endpoint badge.',
      '',
      'With several documents (release status.json files and `deployforge status',
      '--json` reports, in any mix) the front page shows what each platform serves',
      'after every run, marks the platforms behind the newest release and gives the',
      'dispatch inputs that bring them up to date; each document keeps its own detail',
      'page under releases/. history.json lists the documents kept, for the next run.',
      '',
      'With --published, "publish" says where the site goes: pages, branch (with its',
      'name) or none (not configured, a dry run, or a published history that could not',
      'be read: publishing would lose it).',
      '',
      'Exit codes: 0 written, 2 a status or history file is missing or invalid',
      '(the message names it).',
    ].join('\n'))
    .action(async (options: DashboardOptions) => {
      // Validate every file before writing anything, so a bad one never leaves a half-updated site.
      const keep = parseKeep(options.keep);
      const docs: StatusDocument[] = options.history ? parseStatusHistory(await readInput(ctx.io.cwd, options.history, 'history file'), options.history) : [];
      // Without --status: the status.json `deployforge release` wrote (its default --out), so the
      // dashboard of the last local release is one command away.
      const projectDir = dirname(resolve(ctx.io.cwd, options.config));
      const statusFiles = options.status ?? [relative(ctx.io.cwd, join(projectDir, '.deployforge', 'status.json')) || 'status.json'];
      const added: StatusDocument[] = [];
      for (const file of statusFiles) {
        if (options.status === undefined && !existsSync(resolve(ctx.io.cwd, file))) {
          throw ConfigurationError.forInput('--status', `not given, and there is no ${file} (deployforge release writes it); pass --status <file> with a status.json`);
        }
        added.push(await readStatusFile(ctx.io.cwd, file));
      }
      const published = options.published ? await (await runner()).readConfiguredHistory({ configPath: options.config, io: ctx.io, log: createCliLogger(ctx.io) }) : undefined;
      const out = options.out ?? join(projectDir, '.deployforge', 'dashboard');
      const files = await renderDashboard([...(published?.history?.documents ?? []), ...docs, ...added], resolve(ctx.io.cwd, out), { keep });
      const where = published === undefined ? undefined : publishTarget(published, added);
      if (options.json) {
        printJson(ctx.io, { index: files.index, history: files.history, badge: files.badge, ...(where ?? {}) });
        return;
      }
      ctx.io.stdout(`${files.index}\n`);
      if (where) ctx.io.stdout(`publish: ${where.publish}${where.branch ? ` ${where.branch}` : ''} (${where.detail})\n`);
    });
}

type Configured = Awaited<ReturnType<Awaited<ReturnType<typeof runner>>['readConfiguredHistory']>>;

/** Where the site may go: never over a history it could not read, never from a dry run. */
function publishTarget(published: Configured, added: readonly StatusDocument[]): { publish: 'pages' | 'branch' | 'none'; branch?: string; detail: string } {
  const { source, history } = published;
  if (!source || !history) return { publish: 'none', detail: 'status.pages and status.branch are not set' };
  if (!history.complete) return { publish: 'none', detail: history.detail };
  if (added.some((d) => d['dry-run'])) return { publish: 'none', detail: 'a dry run is never published' };
  return source.kind === 'branch' ? { publish: 'branch', branch: source.branch, detail: history.detail } : { publish: 'pages', detail: history.detail };
}
