/**
 * A POSIX shell single-quoted word: nothing inside is expanded, and a `'` is closed, escaped and
 * reopened. Every value an install script embeds goes through here (or psSingleQuoted), even the
 * ones the config already restricts to plain words, so a future relaxed pattern cannot inject code.
 */
export function shSingleQuoted(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A PowerShell verbatim string: nothing is expanded, and `'` is written twice. */
export function psSingleQuoted(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}
