import { createRedactor, secretValues } from '@deployforge/diagnostics';

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

/**
 * The same io with every secret of its env, and every Authorization-like header value, masked in
 * what it prints. This is the CLI's one output boundary: a server's error body that echoes the
 * request (a proxy, a misconfigured GitHub Enterprise) reaches stdout/stderr through error
 * messages, progress lines and JSON documents alike, and is masked here whichever way it came.
 */
export function withRedactedOutput(io: CliIo): CliIo {
  const redact = createRedactor(secretValues(io.env));
  return { ...io, stdout: (t) => io.stdout(redact(t)), stderr: (t) => io.stderr(redact(t)) };
}
