import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';

// What every command needs from the program, in a file of its own: program.ts registers the
// commands, so commands importing program.ts would make a cycle (issue 20).

/** Shared by every command: where output goes and how a command reports its exit code. */
export interface CommandContext {
  io: CliIo;
  setExitCode(code: number): void;
}

/** Every command that reads the config takes `--config`, placed after the command name. */
export function configOption(command: Command): Command {
  return command.option('-c, --config <path>', 'path to the config file', 'deployforge.yml');
}
