import type { Logger } from '@deployforge/diagnostics';
import type { CliIo } from './cli-io.js';

/** Logs go to stderr so that stdout stays machine-readable for `--json`. */
export function createCliLogger(io: CliIo, options: { verbose?: boolean } = {}): Logger {
  const where = (w?: { file?: string; line?: number; column?: number }) =>
    w?.file ? `${w.file}${w.line ? `:${w.line}` : ''}${w.column ? `:${w.column}` : ''}: ` : '';
  return {
    info: (m) => io.stderr(`${m}\n`),
    warning: (m, w) => io.stderr(`warning: ${where(w)}${m}\n`),
    error: (m, w) => io.stderr(`error: ${where(w)}${m}\n`),
    debug: (m) => {
      if (options.verbose) io.stderr(`debug: ${m}\n`);
    },
    group: async (title, fn) => {
      io.stderr(`${title}\n`);
      return fn();
    },
  };
}
