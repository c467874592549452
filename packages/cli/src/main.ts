import { processIo } from './cli-io.js';
import { runCli } from './run-cli.js';

// A reader that quits early (`deployforge plan | head`, `--help | less` closed) leaves the rest of
// the output nowhere to go: that is no failure of the command. Without a listener Node turns the
// EPIPE into an unhandled 'error' event and a stack trace; swallowed here, the command ends with its
// own exit code (a release in flight keeps going and converges, as if its output were unread).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const code = await runCli(process.argv.slice(2), processIo());
// Set the code and let pending stdout drain instead of process.exit(), which can cut piped output.
process.exitCode = code;
