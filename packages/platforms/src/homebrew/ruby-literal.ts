/**
 * A Ruby double-quoted string literal. `#` is escaped too: `"#{…}"` would interpolate, and a
 * description is user text.
 */
export function rubyString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/#/g, '\\#')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

/** `license "MIT"`, or Homebrew's `any_of:`/`all_of:` forms for simple SPDX expressions. */
export function rubyLicense(spdx: string): string {
  const expr = spdx.trim().replace(/^\((.*)\)$/, '$1');
  const list = (ids: string[]) => `[${ids.map((id) => rubyString(id.trim())).join(', ')}]`;
  if (/ OR /.test(expr) && !/ AND |\(/.test(expr)) return `license any_of: ${list(expr.split(' OR '))}`;
  if (/ AND /.test(expr) && !/ OR |\(/.test(expr)) return `license all_of: ${list(expr.split(' AND '))}`;
  return `license ${rubyString(expr)}`;
}
