/**
 * Where the CLI reads and writes. Commands never touch `process` directly, so tests can run them
 * in-process with captured output, and `--json` can guarantee that stdout holds one document only.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: live progress and colour only then. */
  isTTY: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  };
}
