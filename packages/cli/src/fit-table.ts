/** A wrapped last column keeps at least this many characters a line (or its header's width). */
const MIN_WRAPPED = 20;
const GAP = '  ';

/** Split `text` into lines of at most `width` characters, at spaces where it can, mid-word where it must. */
export function wrapText(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > 0 ? space : width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) lines.push(rest);
  return lines;
}

const naturalWidths = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const totalWidth = (widths: readonly number[]) => widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);

/** Aligned columns at the given widths; a cell longer than its column wraps onto continuation lines. */
function render(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): string {
  const block = (cells: readonly string[]): string[] => {
    const wrapped = widths.map((w, i) => wrapText(cells[i] ?? '', w));
    const height = Math.max(...wrapped.map((c) => c.length));
    const lines: string[] = [];
    for (let l = 0; l < height; l++) {
      lines.push(widths.map((w, i) => (i === widths.length - 1 ? (wrapped[i]![l] ?? '') : (wrapped[i]![l] ?? '').padEnd(w))).join(GAP).trimEnd());
    }
    return lines;
  };
  return [...block(header), widths.map((w) => '-'.repeat(w)).join(GAP), ...rows.flatMap(block)].join('\n');
}

/** The table with only its last column wrapped to fit, or undefined when even that is not enough. */
function withLastWrapped(header: readonly string[], rows: readonly (readonly string[])[], width: number): string | undefined {
  const widths = naturalWidths(header, rows);
  if (totalWidth(widths) <= width) return render(header, rows, widths);
  const room = width - totalWidth(widths.slice(0, -1)) - GAP.length;
  if (widths.length < 2 || room < Math.max(MIN_WRAPPED, header.at(-1)!.length)) return undefined;
  return render(header, rows, [...widths.slice(0, -1), room]);
}

/**
 * `formatTable` that fits a terminal `width` columns wide. Too wide, the last column (a detail,
 * an archive name) wraps onto continuation lines; still too wide, the columns are split into
 * tables stacked one under the other, each led by the first column, so every cell stays whole and
 * readable rather than every column being chopped. Only a single column wider than the terminal
 * runs past its edge.
 */
export function fitTable(header: readonly string[], rows: readonly (readonly string[])[], width: number): string {
  const whole = withLastWrapped(header, rows, width);
  if (whole !== undefined) return whole;
  const natural = naturalWidths(header, rows);
  const groups: number[][] = [];
  let current = [0];
  for (let i = 1; i < header.length; i++) {
    // A column that does not fit next to the current group starts the next one (led by column 0).
    if (current.length > 1 && totalWidth([...current, i].map((c) => natural[c]!)) > width) {
      groups.push(current);
      current = [0, i];
    } else current.push(i);
  }
  groups.push(current);
  if (groups.length === 1) return render(header, rows, natural);
  return groups.map((g) => {
    const h = g.map((i) => header[i]!);
    const r = rows.map((row) => g.map((i) => row[i] ?? ''));
    return withLastWrapped(h, r, width) ?? render(h, r, naturalWidths(h, r));
  }).join('\n\n');
}

/**
 * The width to fit: `$COLUMNS` when set (the user's say, and what tests pin), the terminal's when
 * stdout is one, else 80 (a log, a pipe, a CI job).
 */
export function outputWidth(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): number {
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns >= 20) return columns;
  if (isTTY && process.stdout.columns) return process.stdout.columns;
  return 80;
}
