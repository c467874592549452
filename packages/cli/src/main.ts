import { processIo } from './cli-io.js';
import { runCli } from './run-cli.js';

const code = await runCli(process.argv.slice(2), processIo());
// Set the code and let pending stdout drain instead of process.exit(), which can cut piped output.
process.exitCode = code;
