import { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { registerDoctor } from './commands/doctor.js';
import { registerGenerate } from './commands/generate.js';
import { registerInit } from './commands/init.js';
import { registerPlan } from './commands/plan.js';
import { registerValidate } from './commands/validate.js';
import { registerRelease } from './commands/release.js';
import { registerPublish } from './commands/publish.js';
import { registerCheckExists } from './commands/check-exists.js';
import { registerVerify } from './commands/verify.js';
import { registerDashboard } from './commands/dashboard.js';
import { registerDriftIssue } from './commands/drift-issue.js';
import { registerStatus } from './commands/status.js';
import { registerStats } from './commands/stats.js';
import { registerRollback } from './commands/rollback.js';
import { CLI_VERSION } from './cli-version.js';
import type { CommandContext } from './command-context.js';

// Kept for older imports; commands import these from command-context.ts (no cycle).
export { configOption, type CommandContext } from './command-context.js';

export function createProgram(io: CliIo): { program: Command; exitCode: () => number } {
  let exitCode = 0;
  const program = new Command('deployforge')
    .description('One config file, one hub-and-spoke release: GitHub Releases, then every registry and package manager.')
    .version(CLI_VERSION, '-V, --version', 'print the deployforge version')
    // Root options only before the subcommand, so that `plan --version 1.2.3` means the release
    // version and not "print deployforge's version".
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const ctx: CommandContext = {
    io,
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
  };

  for (const register of [
    registerInit, registerValidate, registerPlan, registerGenerate, registerDoctor,
    registerCheckExists, registerRelease, registerPublish, registerDashboard,
    registerStatus, registerDriftIssue, registerStats, registerRollback,
    registerVerify,
  ]) {
    // Subcommands inherit the error handling and output routing of the root.
    register(program, ctx).exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
      .showHelpAfterError('(run with --help for usage)');
  }
  return { program, exitCode: () => exitCode };
}
