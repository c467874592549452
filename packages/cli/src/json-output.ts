import { CommanderError } from 'commander';
import { errorMessage, isConfigurationError } from '@deployforge/diagnostics';
import type { CliIo } from './cli-io.js';

/**
 * `--json` output (CONTRACT.md): exactly one JSON document on stdout in every outcome, kebab-case
 * keys, `ok` first. `ok` is true exactly when the exit code is 0; when it is false, `errors` says
 * why, each entry `{ file, line, col, key, message }` with null for what is not known.
 */
export interface JsonError {
  file: string | null;
  line: number | null;
  col: number | null;
  key: string | null;
  message: string;
}

/** Whether the command line asks for JSON: `--json` anywhere before a `--`. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/** A finding with no file position (a platform that failed, a check that could not answer). */
export function keyError(key: string | null, message: string): JsonError {
  return { file: null, line: null, col: null, key, message };
}

/** Print a command's result: `{ ok, errors?, …doc }`, keys in kebab-case. */
export function printJson(io: CliIo, doc: object, errors: readonly JsonError[] = []): void {
  const head = errors.length === 0 ? { ok: true } : { ok: false, errors };
  io.stdout(`${JSON.stringify(kebabKeys({ ...head, ...doc }), null, 2)}\n`);
}

/** The document for a command that failed before it had a result. */
export function printJsonFailure(io: CliIo, error: unknown): void {
  io.stdout(`${JSON.stringify({ ok: false, errors: errorsOf(error) }, null, 2)}\n`);
}

// `deployforge.yml:12:5: platforms.npm.package: expected a string` (formatDiagnostic), or without the key.
const POSITIONED = /^(.+?):(\d+):(\d+): (?:([\w.@/:-]+): )?(.*)$/s;

// ConfigurationError.forInput's `name: message`; the name is a flag, an input or a dotted key.
const NAMED = /^(-{0,2}[\w.@/-]+): (.+)$/s;

/** What is known about an error, one entry per problem it carries. */
export function errorsOf(error: unknown): JsonError[] {
  if (isConfigurationError(error) && error.diagnostics.length > 0) {
    return error.diagnostics.map((d) => ({ file: d.file, line: d.line, col: d.column, key: d.path || null, message: d.message }));
  }
  if (error instanceof CommanderError) {
    // Commander's own wording: "error: unknown option '--bogus'"; the option is the key.
    const message = error.message.replace(/^error: /, '');
    return [{ file: null, line: null, col: null, key: /'(-[^']*)'/.exec(message)?.[1] ?? null, message }];
  }
  // Anything else is not about the input: its message, whole, and nothing guessed.
  if (!isConfigurationError(error)) return [{ file: null, line: null, col: null, key: null, message: errorMessage(error) }];
  // Several problems are one line each; an indented line continues the one before it (a status file's
  // list of bad keys under "not a valid status.json:"), so one error stays one entry, newlines kept.
  const entries: JsonError[] = [];
  for (const line of error.message.split('\n')) {
    if (line.trim() === '') continue;
    const previous = entries[entries.length - 1];
    if (previous && /^\s/.test(line)) {
      previous.message += `\n${line}`;
      continue;
    }
    const m = POSITIONED.exec(line);
    if (!m) {
      // `--platforms: "bogus" is not enabled`, `version: "1.2" is not a valid version`: the input named first.
      const named = NAMED.exec(line);
      entries.push({ file: null, line: null, col: null, key: named?.[1] ?? null, message: named?.[2] ?? line });
    } else {
      entries.push({ file: m[1]!, line: Number(m[2]), col: Number(m[3]), key: m[4] ?? null, message: m[5]! });
    }
  }
  return entries;
}

// Only identifiers in camelCase are renamed: platform keys (`custom:deploy`), target ids, file
// names and environment variable names are data, and never look like this.
const CAMEL = /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/;

/** `npmDistTag` → `npm-dist-tag`, deeply; one key style across every JSON output (as status.json). */
export function kebabKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(kebabKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[CAMEL.test(key) ? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) : key] = kebabKeys(inner);
  }
  return out;
}
