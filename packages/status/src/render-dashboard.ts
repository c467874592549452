import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { renderBadge } from './badge.js';
import { newestFirst, renderDashboardHtml } from './dashboard-html.js';
import { detailPageName } from './dashboard-versions-html.js';
import type { StatusDocument } from './status-document.js';
import { DEFAULT_HISTORY_KEEP, mergeHistory, serializeHistory } from './status-history.js';

export interface DashboardFiles {
  index: string;
  status: string;
  badge: string;
  /** The documents the site was built from, newest first: the next run adds to it. */
  history: string;
  /** One page per document: that release's (or check's) detail view, as the front page shows the newest. */
  details: string[];
}

export interface RenderDashboardOptions {
  /** At most this many documents are kept (default 20). */
  keep?: number;
}

/**
 * Write the dashboard into `outDir`: `index.html` (who serves what, who is behind, and the newest
 * release in detail), `releases/<version>-<time>.html` per document, a copy of the newest
 * `status.json` and `history.json` (so a Pages site serves the machine-readable documents too) and
 * `badge.json` for shields.io.
 */
export async function renderDashboard(input: readonly StatusDocument[], outDir: string, options: RenderDashboardOptions = {}): Promise<DashboardFiles> {
  const docs = mergeHistory([], input, options.keep ?? DEFAULT_HISTORY_KEEP);
  const newest = newestFirst(docs)[0];
  if (!newest) throw new Error('renderDashboard needs at least one status document');
  await mkdir(outDir, { recursive: true });
  const files: DashboardFiles = {
    index: join(outDir, 'index.html'),
    status: join(outDir, 'status.json'),
    badge: join(outDir, 'badge.json'),
    history: join(outDir, 'history.json'),
    details: [],
  };
  const multi = docs.length > 1;
  if (multi) {
    for (const doc of docs) {
      const file = join(outDir, detailPageName(doc));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, renderDashboardHtml([doc], { home: '../index.html' }));
      files.details.push(file);
    }
  }
  await writeFile(files.index, renderDashboardHtml(docs, { linkDetails: multi }));
  await writeFile(files.status, `${JSON.stringify(newest, null, 2)}\n`);
  await writeFile(files.history, serializeHistory(docs));
  await writeFile(files.badge, `${JSON.stringify(renderBadge(newest))}\n`);
  return files;
}
