import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

export function registerInit(program: Command, ctx: CommandContext): Command {
  return program
    .command('init')
    .description('write a commented deployforge.yml for this repository (detects Cargo.toml, go.mod, package.json, pyproject.toml)')
    .option('--force', 'overwrite an existing deployforge.yml')
    .action(async (options: { force?: boolean }) => {
      const { writeInitConfig } = await import('@deployforge/init');
      const written = await writeInitConfig(ctx.io.cwd, { force: options.force ?? false });
      ctx.io.stdout(`wrote ${written}\nnext: deployforge validate && deployforge generate\n`);
    });
}
