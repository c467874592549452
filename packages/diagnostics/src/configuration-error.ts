import { formatDiagnostic, type Diagnostic } from './diagnostic.js';

/**
 * An error the user caused and can fix: bad config, bad flag, bad dispatch input, bad version.
 *
 * Entry points (CLI, actions) print `message` without a stack trace and exit with code 2. Anything
 * that is *not* a ConfigurationError is a bug or an outage and is reported with what was being done.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  /** Exit code reserved by CONTRACT.md for bad input. */
  readonly exitCode = 2;
  readonly diagnostics: readonly Diagnostic[];

  constructor(message: string, diagnostics: readonly Diagnostic[] = []) {
    super(message);
    this.diagnostics = diagnostics;
  }

  /** Build one error that carries every diagnostic, one per line, in file order. */
  static fromDiagnostics(diagnostics: readonly Diagnostic[]): ConfigurationError {
    const sorted = [...diagnostics].sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
    );
    return new ConfigurationError(sorted.map(formatDiagnostic).join('\n'), sorted);
  }

  /** A bad flag or input that has no file position: `--platforms: unknown platform "bogus" …` */
  static forInput(name: string, message: string): ConfigurationError {
    return new ConfigurationError(`${name}: ${message}`);
  }
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError;
}
