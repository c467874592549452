import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { loadConfig } from '@deployforge/config';
import {
  DEFAULT_ACTIONS_REF, DEFAULT_ACTIONS_REPO, DEFAULT_WORKFLOW_PATH, regenerateCommand, releaseWorkflow, renderReleaseWorkflow,
  resolveRenderOptions, type ResolvedRenderOptions,
} from '@deployforge/workflow';
import { EXIT_FINDINGS } from '../exit-codes.js';
import { configOption, type CommandContext } from '../program.js';

interface GenerateOptions {
  config: string;
  output: string;
  check?: boolean;
  actionsRepo: string;
  actionsRef: string;
}

/** A path as the workflow and the fixing command name it: relative to where we run, POSIX separators. */
function repoPath(cwd: string, path: string): string {
  return relative(cwd, resolve(cwd, path)).split(sep).join('/');
}

export function registerGenerate(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('generate'))
    .description('write the release workflow (plan, build, release, one publish job per platform, summarize) from deployforge.yml')
    .option('--check', 'write nothing; exit 1 with a diff and the fixing command when the file is stale')
    .option('-o, --output <path>', 'where to write the workflow', DEFAULT_WORKFLOW_PATH)
    .option('--actions-ref <ref>', 'the DeployForge actions version the workflow uses: a tag, or a full commit SHA to pin', DEFAULT_ACTIONS_REF)
    .option('--actions-repo <owner/repo>', 'the repository that holds the DeployForge actions (forks, mirrors)', DEFAULT_ACTIONS_REPO)
    .addHelpText('after', [
      '',
      'Run it from the repository root. Commit the result; add `npx deployforge generate --check`',
      'to CI so the workflow never drifts from deployforge.yml.',
      '',
      'Examples:',
      '  deployforge generate',
      '  deployforge generate --check',
      '  deployforge generate --actions-ref v1.4.0',
      '',
      'Exit codes: 0 written or current, 1 stale (--check), 2 bad config or flags.',
    ].join('\n'))
    .action(async (options: GenerateOptions) => {
      const cwd = ctx.io.cwd;
      // Relative names in messages when running where the user is; absolute when cwd is injected.
      const configFile = resolve(cwd, options.config) === resolve(options.config) ? options.config : resolve(cwd, options.config);
      const loaded = await loadConfig(configFile);
      const renderOptions: ResolvedRenderOptions = resolveRenderOptions({
        configPath: repoPath(cwd, options.config),
        outputPath: repoPath(cwd, options.output),
        actionsRepo: options.actionsRepo,
        actionsRef: options.actionsRef,
      });
      const text = renderReleaseWorkflow(loaded, renderOptions);
      const target = resolve(cwd, options.output);
      const shown = renderOptions.outputPath;

      if (options.check) {
        const current = await readFile(target, 'utf8').catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw error;
        });
        if (current === text) {
          ctx.io.stdout(`${shown} is up to date with ${renderOptions.configPath}\n`);
          return;
        }
        const why = current === undefined ? 'does not exist' : 'is stale: it differs from what deployforge.yml generates';
        const diff = createTwoFilesPatch(`a/${shown}`, `b/${shown}`, current ?? '', text, '', '', { context: 3 });
        ctx.io.stderr(`${shown} ${why}.\n\n${diff}\nFix it by running:\n  ${regenerateCommand(renderOptions)}\nthen commit ${shown}.\n`);
        ctx.setExitCode(EXIT_FINDINGS);
        return;
      }

      await mkdir(dirname(target), { recursive: true });
      const before = await readFile(target, 'utf8').catch(() => undefined);
      if (before === text) {
        ctx.io.stdout(`${shown} is already up to date\n`);
        return;
      }
      await writeFile(target, text);
      const jobs = Object.keys(releaseWorkflow(loaded, renderOptions).jobs);
      ctx.io.stdout(`wrote ${shown} (${jobs.length} jobs: ${jobs.join(', ')})\n`);
    });
}
