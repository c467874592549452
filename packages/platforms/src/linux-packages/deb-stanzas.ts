/**
 * Debian control-file stanzas (`Packages` indexes): paragraphs of `Field: value` lines separated
 * by blank lines, continuation lines starting with a space. Kept as text per paragraph so that the
 * entries of older versions are written back exactly as they were.
 */
export interface Stanza {
  text: string;
  fields: Map<string, string>;
}

export function parseStanza(text: string): Stanza {
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split('\n')) {
    if (/^[ \t]/.test(line) && last) {
      fields.set(last, `${fields.get(last)}\n${line}`);
      continue;
    }
    const m = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line);
    if (m) {
      last = m[1]!;
      fields.set(last, m[2]!);
    }
  }
  return { text: text.replace(/\n+$/, ''), fields };
}

export function parseStanzas(text: string | undefined): Stanza[] {
  if (!text) return [];
  return text.split(/\n\s*\n/).filter((p) => p.trim() !== '').map(parseStanza);
}

export function stanzaKey(s: Stanza): string {
  return `${s.fields.get('Package')} ${s.fields.get('Version')} ${s.fields.get('Architecture')}`;
}
