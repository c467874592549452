import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { LoadedConfig } from '@deployforge/config';
import { configPackage } from '../config-package.js';
import { EXIT_FINDINGS } from '../exit-codes.js';
import { printJson } from '../json-output.js';
import { configOption, type CommandContext } from '../command-context.js';

const WORKFLOWS_DIR = '.github/workflows';

interface DoctorOptions {
  config: string;
  json?: boolean;
}

/** `.github/workflows/*.yml` and `*.yaml`, sorted, paths as the user sees them. */
async function readWorkflows(cwd: string): Promise<{ path: string; text: string }[]> {
  let names: string[];
  try {
    names = await readdir(join(cwd, WORKFLOWS_DIR));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = names.filter((n) => /\.ya?ml$/.test(n)).sort();
  return Promise.all(files.map(async (n) => ({ path: `${WORKFLOWS_DIR}/${n}`, text: await readFile(join(cwd, WORKFLOWS_DIR, n), 'utf8') })));
}

/** The config when there is one; a repository without deployforge.yml is still worth linting. */
async function loadOptionalConfig(path: string): Promise<LoadedConfig | undefined> {
  try {
    await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  return (await configPackage()).loadConfig(path);
}

export function registerDoctor(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('doctor'))
    .description("lint the repository's workflows: several workflows on the same tags, a stale or hand-edited generated workflow, secrets no platform uses, unpinned actions, ${{ }} inside run:")
    .option('--json', 'print the findings as one JSON document on stdout')
    .addHelpText('after', '\nRun it from the repository root.\n\nExit codes: 0 clean, 1 findings, 2 bad config.')
    .action(async (options: DoctorOptions) => {
      const cwd = ctx.io.cwd;
      const configFile = resolve(cwd, options.config) === resolve(options.config) ? options.config : resolve(cwd, options.config);
      const loaded = await loadOptionalConfig(configFile);
      const workflows = await readWorkflows(cwd);
      // The workflow package (rules, the YAML parser) loads when doctor runs, not at the CLI's start.
      const { formatFinding, runDoctor } = await import('@deployforge/workflow');
      const findings = runDoctor({ workflows, ...(loaded ? { loaded } : {}), configFile: options.config });
      if (findings.length > 0) ctx.setExitCode(EXIT_FINDINGS);

      if (options.json) {
        const errors = findings.map((f) => ({ file: f.file, line: f.line, col: f.column, key: f.rule, message: f.message }));
        printJson(ctx.io, { clean: findings.length === 0, workflows: workflows.map((w) => w.path), config: loaded ? options.config : null, findings }, errors);
        return;
      }
      const notes: string[] = [];
      if (!loaded) notes.push(`no ${options.config}: skipped the generated-workflow and secrets checks`);
      if (workflows.length === 0) notes.push(`no workflows in ${WORKFLOWS_DIR}`);
      for (const note of notes) ctx.io.stderr(`note: ${note}\n`);
      for (const f of findings) ctx.io.stdout(`${formatFinding(f)}\n`);
      const files = new Set(findings.map((f) => f.file)).size;
      ctx.io.stdout(findings.length === 0
        ? `${workflows.length} workflow(s) checked: no problems found\n`
        : `\n${findings.length} problem(s) in ${files} of ${workflows.length} workflow(s)\n`);
    });
}
