import { relative } from 'node:path';
import type { SnapshotEntry, SnapshotResult } from '@deployforge/runner';
import { formatTable } from './format-table.js';

const STATUS_WORDS: Record<SnapshotEntry['status'], string> = { kept: 'kept', 'not-built': 'not built', 'offline-gap': 'needs network', failed: 'FAILED' };

/**
 * The end of `release --snapshot`: per platform, what was kept and where, where a real run would
 * publish it, and what that run still needs (credentials by name, first-time manual steps). Long
 * lists go on their own lines below the table, so it stays readable in an 80-column terminal.
 */
export function renderSnapshotTable(result: SnapshotResult, cwd: string): string {
  const all = [result.release, ...result.entries];
  const rows = all.map((e) => [e.key, STATUS_WORDS[e.status], e.status === 'kept' || e.status === 'offline-gap' ? `${relative(result.dir, e.dir)}/` : '-', e.destination]);
  const lines = [
    `Snapshot ${result.version.version} (built: ${result.targets.join(', ')}) in ${relative(cwd, result.dir) || '.'}/`,
    '',
    formatTable(['platform', 'package', 'kept in', 'a real run publishes to'], rows),
    '',
    'What a real run still needs:',
  ];
  for (const e of all) {
    if (e.needs.length === 0) continue;
    lines.push(`  ${e.key}:`);
    for (const n of e.needs) lines.push(`    - ${n}`);
  }
  const problems = all.filter((e) => e.status !== 'kept' || e.detail.includes('not run'));
  if (problems.length > 0) {
    lines.push('', 'Notes:');
    for (const e of problems) lines.push(`  ${e.key}: ${e.detail}`);
  }
  lines.push('', `Nothing was sent anywhere. Look inside ${relative(cwd, result.dir) || '.'}/, then tag ${result.version.tag.replace(/-snapshot\+.*$/, '')} to release for real.`);
  return lines.join('\n');
}
