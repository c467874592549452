import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';

export function registerInit(program: Command, ctx: CommandContext): Command {
  return program
    .command('init')
    .description('write a commented deployforge.yml for this repository (detects Cargo.toml, go.mod, package.json, pyproject.toml)')
    .option('--force', 'overwrite an existing deployforge.yml')
    .addHelpText('after', '\nExit codes: 0 written, 2 the file exists (pass --force) or bad input (a manifest\nthat cannot be read).')
    .action(async (options: { force?: boolean }) => {
      const { initRepository } = await import('@deployforge/init');
      const result = await initRepository(ctx.io.cwd, { force: options.force ?? false });
      ctx.io.stdout(`wrote ${result.config}\n`);
      if (result.gitignore.added.length > 0) ctx.io.stdout(`added ${result.gitignore.added.join(', ')} to ${result.gitignore.file}\n`);
      if (!result.buildKnown) ctx.io.stdout('fill in: build.command and build.path (no Cargo.toml, go.mod, package.json or pyproject.toml was found)\n');
      ctx.io.stdout('next: deployforge validate && deployforge generate\n');
    });
}
