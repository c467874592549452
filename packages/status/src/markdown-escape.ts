/**
 * Text for one markdown table cell or inline run: one line, and nothing in it can close the cell,
 * open a link, start HTML or emphasis (intraword `_` is never emphasis on GitHub, so names keep it). Details come from registries and tools: never trust them to
 * be markdown-safe.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*[\]|]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A link, or the plain label when the URL is not http(s); parentheses cannot end the target early. */
export function markdownLink(label: string, url: string | undefined): string {
  if (!url) return markdownText(label);
  return `[${markdownText(label)}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20')})`;
}
