import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderBadge } from './badge.js';
import { newestFirst, renderDashboardHtml } from './dashboard-html.js';
import type { StatusDocument } from './status-document.js';

export interface DashboardFiles {
  index: string;
  status: string;
  badge: string;
}

/**
 * Write the dashboard into `outDir`: `index.html`, a copy of the newest `status.json` next to it
 * (so a Pages site serves the machine-readable document too) and `badge.json` for shields.io.
 */
export async function renderDashboard(docs: readonly StatusDocument[], outDir: string): Promise<DashboardFiles> {
  const newest = newestFirst(docs)[0];
  if (!newest) throw new Error('renderDashboard needs at least one status document');
  await mkdir(outDir, { recursive: true });
  const files: DashboardFiles = { index: join(outDir, 'index.html'), status: join(outDir, 'status.json'), badge: join(outDir, 'badge.json') };
  await writeFile(files.index, renderDashboardHtml(docs));
  await writeFile(files.status, `${JSON.stringify(newest, null, 2)}\n`);
  await writeFile(files.badge, `${JSON.stringify(renderBadge(newest))}\n`);
  return files;
}
