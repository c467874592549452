import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '@deployforge/diagnostics';

export interface ShellResult {
  /** Exit code; 128 + n when killed by signal n (as a shell reports it). */
  code: number;
  /** The last lines the command wrote to stderr, redacted, for error details. */
  stderrTail: string;
}

const TAIL_LINES = 20;
const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/**
 * Runs a user's command as `bash -e -o pipefail -c <script>`: the script is one argv element, never
 * spliced with values (those come in through `env`). Output reaches the log line by line as it
 * comes (a long deploy shows progress, not a wall at the end), every line through `redact`.
 */
export function runShell(options: {
  script: string;
  cwd: string;
  env: Record<string, string>;
  log: Logger;
  redact: (text: string) => string;
  label: string;
  signal?: AbortSignal;
}): Promise<ShellResult> {
  const { log, redact, label } = options;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', options.script], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const tail: string[] = [];
    const outDone = new Promise<void>((done) => {
      createInterface({ input: child.stdout, crlfDelay: Infinity })
        .on('line', (line) => log.info(`[${label}] ${redact(line)}`))
        .on('close', done);
    });
    const errDone = new Promise<void>((done) => {
      createInterface({ input: child.stderr, crlfDelay: Infinity })
        .on('line', (line) => {
          const clean = redact(line);
          log.info(`[${label}] ${clean}`);
          tail.push(clean);
          if (tail.length > TAIL_LINES) tail.shift();
        })
        .on('close', done);
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      // Both streams have ended by `close`, but readline may still hold a last unterminated line.
      void Promise.all([outDone, errDone]).then(() =>
        resolve({ code: code ?? 128 + (signal ? (SIGNALS[signal] ?? 0) : 0), stderrTail: tail.join('\n') }),
      );
    });
  });
}
