import type { Command } from 'commander';
import { configPackage } from '../config-package.js';
import { formatDiagnostic } from '@deployforge/diagnostics';
import { configFileFor } from '@deployforge/inputs';
import { buildCommandWarnings } from '../build-command-warning.js';
import { printJson } from '../json-output.js';
import { configOption, type CommandContext } from '../command-context.js';

export function registerValidate(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('validate'))
    .description('check deployforge.yml against the schema; every problem as file:line:col: key: message')
    .option('--json', 'print the result as one JSON document on stdout')
    .addHelpText('after', '\nExit codes: 0 valid, 2 invalid (every problem is listed, not only the first).')
    .action(async (options: { json?: boolean; config: string }) => {
      const { configWarnings, loadConfig } = await configPackage();
      const loaded = await loadConfig(configFileFor(options.config, ctx.io.cwd));
      const targets = loaded.config.build?.targets ?? [];
      // Warnings go to stderr and keep exit 0: the file is valid, the build would still fail.
      const warnings = [...configWarnings(loaded).map(formatDiagnostic), ...buildCommandWarnings(loaded, ctx.io.cwd)];
      for (const warning of warnings) ctx.io.stderr(`warning: ${warning}\n`);
      if (options.json) {
        printJson(ctx.io, { valid: true, file: loaded.file, platforms: loaded.enabledPlatforms, targets });
        return;
      }
      const platforms = loaded.enabledPlatforms.length > 0 ? loaded.enabledPlatforms.join(', ') : 'none';
      ctx.io.stdout(`${loaded.file} is valid: ${targets.length} target(s), platforms: ${platforms}\n`);
    });
}
