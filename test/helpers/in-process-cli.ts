import { runCli } from '../../packages/cli/src/run-cli.js';
import type { CliIo } from '../../packages/cli/src/cli-io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `deployforge <args>` in this process with captured output: the CLI's own code path, minus a Node start-up. */
export async function runInProcess(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    cwd: options.cwd,
    env: options.env,
    isTTY: false,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
