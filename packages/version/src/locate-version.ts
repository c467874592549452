/**
 * Line and column of a version value, for messages that point into Cargo.toml, pyproject.toml or
 * package.json. The parsers we use (smol-toml, JSON.parse) give values without positions, so this
 * scans the text the way a reader would: find the table, then the key. A file shaped so oddly that
 * the scan misses (a version inside a multi-line inline table) falls back to the first line that
 * holds the value, then to line 1: an approximate place is still better than none.
 */
export interface TextPosition {
  line: number;
  column: number;
}

const normalizeHeader = (h: string) => h.replace(/["'\s]/g, '');

/** `version = "…"` directly under `[table]` (`package`, `workspace.package`, `project`). */
export function locateTomlVersion(text: string, table: string, value: string): TextPosition {
  const lines = text.split(/\r?\n/);
  let current = '';
  for (const [i, line] of lines.entries()) {
    const header = /^\s*\[([^[\]]+)\]\s*(?:#.*)?$/.exec(line);
    if (header?.[1] !== undefined) {
      current = normalizeHeader(header[1]);
      continue;
    }
    if (/^\s*\[\[/.test(line)) {
      current = '';
      continue;
    }
    const key = /^(\s*version\s*=\s*)\S/.exec(line);
    if (current === table && key?.[1] !== undefined) return { line: i + 1, column: key[1].length + 1 };
  }
  return locateValue(lines, value);
}

/** The top-level `"version": "…"` of a package.json (the first one: nested ones come later in npm's layout). */
export function locateJsonVersion(text: string, value: string): TextPosition {
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    const key = /^(\s*"version"\s*:\s*)"/.exec(line);
    if (key?.[1] !== undefined) return { line: i + 1, column: key[1].length + 1 };
  }
  return locateValue(lines, value);
}

function locateValue(lines: readonly string[], value: string): TextPosition {
  if (value !== '') {
    for (const [i, line] of lines.entries()) {
      const at = line.indexOf(value);
      if (at >= 0) return { line: i + 1, column: at + 1 };
    }
  }
  return { line: 1, column: 1 };
}
