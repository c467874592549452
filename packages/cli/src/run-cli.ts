import { CommanderError } from 'commander';
import { closest, distance } from 'fastest-levenshtein';
import { asUserFacingError, isConfigurationError, errorMessage } from '@deployforge/diagnostics';
import { withRedactedOutput, type CliIo } from './cli-io.js';
import { EXIT_BAD_INPUT } from './exit-codes.js';
import { printJsonFailure, wantsJson } from './json-output.js';
import { createProgram } from './program.js';

/**
 * The CLI's one error boundary. User mistakes (ConfigurationError, bad flags) print their message
 * and exit 2 with no stack trace. Anything else is a bug or an outage: say so, exit 1, and show the
 * stack only when DEPLOYFORGE_DEBUG is set.
 */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // Every message below, and everything the commands print, passes the secret redactor first.
  const io = withRedactedOutput(rawIo);
  const { program, exitCode } = createProgram(io);
  // Root options are only read before the command name, so `deployforge relase --version 1.0.0`
  // would print deployforge's own version and exit 0: an unknown first word is refused up front.
  const first = argv[0];
  if (first !== undefined && !first.startsWith('-')) {
    const known = new Set(['help', ...program.commands.flatMap((c) => [c.name(), ...c.aliases()])]);
    if (!known.has(first)) {
      const guess = closest(first, [...known]);
      const hint = distance(first, guess) <= 2 ? ` (did you mean '${guess}'?)` : '';
      io.stderr(`error: unknown command '${first}'${hint}\n(run with --help for usage)\n`);
      if (wantsJson(argv)) printJsonFailure(io, `unknown command '${first}'${hint}`);
      return EXIT_BAD_INPUT;
    }
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode();
  } catch (error) {
    // --json promises one document on stdout in every outcome; the human message still goes to stderr.
    // --help and --version are not outcomes: they print what was asked for.
    // The user-facing form when there is one: the JSON message says what to check, as stderr does.
    if (wantsJson(argv) && !(error instanceof CommanderError && error.exitCode === 0)) printJsonFailure(io, asUserFacingError(error) ?? error);
    if (error instanceof CommanderError) {
      // --help and --version land here with exit code 0; usage errors already printed their message.
      return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    if (isConfigurationError(error)) {
      io.stderr(`${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    // A failed build, a missing release, an unreachable registry: the user's to fix, not our bug.
    const userFacing = asUserFacingError(error);
    if (userFacing) {
      io.stderr(`deployforge: ${userFacing.message}\n`);
      return userFacing.exitCode;
    }
    const message = errorMessage(error);
    io.stderr(`deployforge: unexpected error: ${message}\n`);
    if (io.env.DEPLOYFORGE_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else io.stderr('This is a bug or an outage, not a problem with your input. Set DEPLOYFORGE_DEBUG=1 for details.\n');
    return 1;
  }
}
