import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import type { LoadedConfig } from '@deployforge/config';
import { configPackage } from '../config-package.js';
// Constants only at the top (each from its own small file, see build-plugins.mjs): the renderer,
// and the YAML library with it, load when the command runs, not for every `deployforge --help`.
import {
  DEFAULT_ACTIONS_REF, DEFAULT_ACTIONS_REPO, DEFAULT_WORKFLOW_PATH, DEPLOYFORGE_RELEASE, FULL_SHA, LOCAL_ACTIONS_REPO, type RenderOptions, type ResolvedRenderOptions,
} from '@deployforge/workflow';
import { EXIT_FINDINGS } from '../exit-codes.js';
import { configOption, type CommandContext } from '../command-context.js';
import { actionsGitUrl, resolveActionsCommit } from '../resolve-actions-commit.js';
import { generateNotes } from '../generate-notes.js';

interface GenerateOptions {
  config: string;
  output: string;
  check?: boolean;
  actionsRepo: string;
  /** Undefined when not given: then workflow.actions-ref, then the release generating. */
  actionsRef?: string;
}

/**
 * The commit DeployForge's actions are pinned to, for a ref that is not one already: resolved on
 * the remote, else the one the existing file recorded for the same ref (an offline re-run or
 * `--check` keeps the pin), else none: the workflow then uses the tag, and the caller says so.
 */
async function pinActions(
  ctx: CommandContext, loaded: LoadedConfig, options: GenerateOptions, existing: string | undefined,
): Promise<{ sha?: string; warning?: string }> {
  const ref = options.actionsRef ?? loaded.config.workflow?.['actions-ref'] ?? DEFAULT_ACTIONS_REF;
  // Local actions (`--actions-repo .`) are the checked-out commit's: nothing to resolve, no network.
  if (FULL_SHA.test(ref) || options.actionsRepo === LOCAL_ACTIONS_REPO) return {};
  const resolved = await resolveActionsCommit(actionsGitUrl(options.actionsRepo, ctx.io.env), ref);
  if ('sha' in resolved) return { sha: resolved.sha };
  const { pinnedActionsFromHeader } = await import('@deployforge/workflow');
  const recorded = existing === undefined ? undefined : pinnedActionsFromHeader(existing);
  if (recorded && recorded.ref === ref) return { sha: recorded.sha };
  return {
    warning: `could not resolve ${options.actionsRepo}@${ref} to a commit (${resolved.error}): the workflow uses DeployForge's actions by tag, ` +
      'which doctor flags until they are pinned. Run generate again where the repository is reachable, or pin a commit with ' +
      '--actions-ref <sha> or workflow.actions-ref in the config.\n',
  };
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
    .option('--actions-ref <ref>', `the DeployForge actions the workflow uses: a full commit SHA, or a tag resolved to its commit (default: workflow.actions-ref, else ${DEFAULT_ACTIONS_REF})`)
    .option('--actions-repo <owner/repo>', 'the repository that holds the DeployForge actions (forks, mirrors); "." for the actions of the checked-out commit (./actions/<name>)', DEFAULT_ACTIONS_REPO)
    .addHelpText('after', [
      '',
      'Run it from the repository root. Commit the result; add',
      '`npx deployforge generate --check` to CI so the workflow never drifts from',
      'deployforge.yml.',
      '',
      'Examples:',
      '  deployforge generate',
      '  deployforge generate --check',
      '  deployforge generate --actions-ref v1.4.0',
      '  deployforge generate --actions-ref 0123456789abcdef0123456789abcdef01234567',
      '',
      'Exit codes: 0 written or current, 1 stale (--check), 2 bad config or flags.',
    ].join('\n'))
    .action(async (options: GenerateOptions) => {
      const cwd = ctx.io.cwd;
      // Relative names in messages when running where the user is; absolute when cwd is injected.
      const configFile = resolve(cwd, options.config) === resolve(options.config) ? options.config : resolve(cwd, options.config);
      const loaded = await (await configPackage()).loadConfig(configFile);
      const target = resolve(cwd, options.output);
      const current = await readFile(target, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      const pin = await pinActions(ctx, loaded, options, current);
      if (pin.warning) ctx.io.stderr(`warning: ${pin.warning}`);
      // Unresolved on purpose: a ref left out here is the config's workflow.actions-ref, then the default.
      const given: RenderOptions = {
        configPath: repoPath(cwd, options.config),
        outputPath: repoPath(cwd, options.output),
        actionsRepo: options.actionsRepo,
        ...(options.actionsRef !== undefined ? { actionsRef: options.actionsRef } : {}),
        ...(pin.sha ? { actionsSha: pin.sha } : {}),
      };
      const { regenerateCommand, releaseWorkflow, renderReleaseWorkflow, resolveRenderOptions } = await import('@deployforge/workflow');
      const renderOptions: ResolvedRenderOptions = resolveRenderOptions(given);
      const text = renderReleaseWorkflow(loaded, given);
      const shown = renderOptions.outputPath;

      if (options.check) {
        if (current === text) {
          ctx.io.stdout(`${shown} is up to date with ${renderOptions.configPath}\n`);
          return;
        }
        const why = current === undefined ? 'does not exist' : 'is stale: it differs from what deployforge.yml generates';
        const { createTwoFilesPatch } = await import('diff');
        const diff = createTwoFilesPatch(`a/${shown}`, `b/${shown}`, current ?? '', text, '', '', { context: 3 });
        ctx.io.stderr(`${shown} ${why}.\n\n${diff}\nFix it by running:\n  ${regenerateCommand(renderOptions)}\nthen commit ${shown}.\n`);
        ctx.setExitCode(EXIT_FINDINGS);
        return;
      }

      await mkdir(dirname(target), { recursive: true });
      for (const note of generateNotes(loaded.config, DEPLOYFORGE_RELEASE)) ctx.io.stderr(`${note}\n`);
      if (current === text) {
        ctx.io.stdout(`${shown} is already up to date\n`);
        return;
      }
      await writeFile(target, text);
      const jobs = Object.keys(releaseWorkflow(loaded, given).jobs);
      ctx.io.stdout(`wrote ${shown} (${jobs.length} jobs: ${jobs.join(', ')})\n`);
    });
}
