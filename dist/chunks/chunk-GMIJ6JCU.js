import { createRequire as __dfCreateRequire } from 'node:module'; import { fileURLToPath as __dfFileURLToPath } from 'node:url'; const require = __dfCreateRequire(import.meta.url); const __filename = __dfFileURLToPath(import.meta.url); const __dirname = __dfFileURLToPath(new URL('.', import.meta.url));

// packages/diagnostics/src/diagnostic.ts
function formatDiagnostic(d) {
  const where = `${d.file}:${d.line}:${d.column}`;
  return d.path ? `${where}: ${d.path}: ${d.message}` : `${where}: ${d.message}`;
}

// packages/diagnostics/src/configuration-error.ts
var ConfigurationError = class _ConfigurationError extends Error {
  name = "ConfigurationError";
  /** Exit code reserved by CONTRACT.md for bad input. */
  exitCode = 2;
  diagnostics;
  constructor(message, diagnostics = []) {
    super(message);
    this.diagnostics = diagnostics;
  }
  /** Build one error that carries every diagnostic, one per line, in file order. */
  static fromDiagnostics(diagnostics) {
    const sorted = [...diagnostics].sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
    );
    return new _ConfigurationError(sorted.map(formatDiagnostic).join("\n"), sorted);
  }
  /** A bad flag or input that has no file position: `--platforms: unknown platform "bogus" …` */
  static forInput(name, message) {
    return new _ConfigurationError(`${name}: ${message}`);
  }
};
function isConfigurationError(error) {
  return error instanceof ConfigurationError;
}

// packages/diagnostics/src/error-message.ts
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// packages/diagnostics/src/describe-value.ts
function describeValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  switch (typeof value) {
    case "string": {
      const oneLine = value.replace(/[\r\n\t]+/g, " ");
      return JSON.stringify(oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine);
    }
    case "number":
    case "boolean":
      return String(value);
    case "object":
      return "a mapping";
    default:
      return typeof value;
  }
}

// packages/diagnostics/src/redact.ts
function createRedactor(secrets) {
  const values = [...new Set([...secrets].filter((s) => typeof s === "string" && s.length >= 6))].sort((a, b) => b.length - a.length);
  if (values.length === 0) return (text) => text;
  const escaped = values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(escaped.join("|"), "g");
  return (text) => text.replace(pattern, "***");
}

export {
  ConfigurationError,
  isConfigurationError,
  describeValue,
  createRedactor,
  errorMessage
};
