import type { StatusDocument } from '@deployforge/status';
import { fitTable } from './fit-table.js';

/**
 * The summary printed at the end of a local release: one row per platform, hub first, fitted to
 * `width` (outputWidth: $COLUMNS, the terminal, else 80) as plan's tables are. A detail can run to
 * hundreds of characters (a registry's error): it wraps under its column rather than past the edge.
 */
export function renderStatusTable(doc: StatusDocument, width: number): string {
  const rows: string[][] = [];
  if (doc.release) rows.push(['github (hub)', doc.release.status, doc.release.tag, doc.release.url ?? '', doc.release.detail]);
  for (const [key, p] of Object.entries(doc.platforms)) {
    rows.push([`${key}${p.required ? ' *' : ''}`, p.status, p.version, p.url ?? '', p.detail.split('\n')[0] ?? '']);
  }
  // The legend explains a mark: printed only when a row carries it.
  const marked = Object.values(doc.platforms).some((p) => p.required);
  return `${fitTable(['platform', 'status', 'version', 'url', 'detail'], rows, width)}${marked ? '\n(* required)' : ''}`;
}
