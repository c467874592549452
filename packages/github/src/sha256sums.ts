/** One line of a SHA256SUMS file. */
export interface Sha256SumEntry {
  name: string;
  /** 64 lowercase hex characters. */
  sha256: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Render entries in the format `sha256sum` writes and `sha256sum -c` reads: `<hex>  <name>\n`, two
 * spaces (text mode), sorted by name in code-point order so the file is byte-identical however the
 * entries were gathered. Every spoke verifies downloads against this one rendering.
 */
export function renderSha256Sums(entries: readonly Sha256SumEntry[]): string {
  const seen = new Set<string>();
  for (const e of entries) {
    if (!HEX64.test(e.sha256)) throw new Error(`SHA256SUMS: ${e.name}: not a lowercase hex SHA-256`);
    // A newline or a leading backslash would change how sha256sum parses the line.
    if (e.name === '' || /[\r\n\\]/.test(e.name)) throw new Error(`SHA256SUMS: unsupported file name ${JSON.stringify(e.name)}`);
    if (seen.has(e.name)) throw new Error(`SHA256SUMS: ${e.name} listed twice`);
    seen.add(e.name);
  }
  return [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => `${e.sha256}  ${e.name}\n`)
    .join('');
}

/**
 * Parse a SHA256SUMS file. Accepts what `sha256sum` itself accepts in practice: text (`  `) and
 * binary (` *`) markers, CRLF line ends, blank lines, uppercase hex (normalised to lowercase).
 * Throws on anything else, naming the line, because a checksum file we misread is a file we would
 * wrongly trust.
 */
export function parseSha256Sums(text: string): Sha256SumEntry[] {
  const entries: Sha256SumEntry[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (!match) throw new Error(`SHA256SUMS line ${index + 1}: expected "<sha256>  <name>"`);
    entries.push({ sha256: match[1]!.toLowerCase(), name: match[2]! });
  });
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) throw new Error(`SHA256SUMS: ${e.name} listed twice`);
    names.add(e.name);
  }
  return entries;
}
