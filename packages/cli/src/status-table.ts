import type { StatusDocument } from '@deployforge/status';
import { formatTable } from './format-table.js';

/** The summary printed at the end of a local release: one row per platform, hub first. */
export function renderStatusTable(doc: StatusDocument): string {
  const rows: string[][] = [];
  if (doc.release) rows.push(['github (hub)', doc.release.status, doc.release.tag, doc.release.url ?? '', doc.release.detail]);
  for (const [key, p] of Object.entries(doc.platforms)) {
    rows.push([`${key}${p.required ? ' *' : ''}`, p.status, p.version, p.url ?? '', p.detail.split('\n')[0] ?? '']);
  }
  // The legend explains a mark: printed only when a row carries it.
  const marked = Object.values(doc.platforms).some((p) => p.required);
  return `${formatTable(['platform', 'status', 'version', 'url', 'detail'], rows)}${marked ? '\n(* required)' : ''}`;
}
