/**
 * One problem the user can fix, pinned to a place in a file.
 *
 * `path` is the dotted key path inside the document (`platforms.npm.package`), so a message stays
 * useful even when the position is only approximate (for example a key that is missing entirely is
 * reported at its parent's position).
 */
export interface Diagnostic {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Dotted key path, or the flag/input name for command-line and dispatch input errors. */
  path: string;
  message: string;
}

/** `deployforge.yml:12:5: platforms.npm.package: expected a string, got 42` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  return d.path ? `${where}: ${d.path}: ${d.message}` : `${where}: ${d.message}`;
}
