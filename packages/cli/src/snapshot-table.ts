import { relative } from 'node:path';
import type { SnapshotEntry, SnapshotResult } from '@deployforge/runner';
import { fitTable, wrapText } from './fit-table.js';

const STATUS_WORDS: Record<SnapshotEntry['status'], string> = { kept: 'kept', 'not-built': 'not built', 'offline-gap': 'needs network', failed: 'FAILED' };

/**
 * The end of `release --snapshot`: per platform, what was kept and where, where a real run would
 * publish it, and what that run still needs (credentials by name, first-time manual steps). Long
 * lists go on their own lines below the table, and everything is fitted to `width` (outputWidth:
 * $COLUMNS, the terminal, else 80), as plan's tables are.
 */
export function renderSnapshotTable(result: SnapshotResult, cwd: string, width = 80): string {
  // A long line wraps under its own text, after the prefix (`    - `, `  homebrew: `), not at column 0.
  const wrapped = (prefix: string, text: string): string[] =>
    wrapText(text, Math.max(20, width - prefix.length)).map((l, i) => `${i === 0 ? prefix : ' '.repeat(prefix.length)}${l}`);
  const all = [result.release, ...result.entries];
  const rows = all.map((e) => [e.key, STATUS_WORDS[e.status], e.status === 'kept' || e.status === 'offline-gap' ? `${relative(result.dir, e.dir)}/` : '-', e.destination]);
  const lines = [
    // The headline stays one line (scripts and tests look for it whole); only a long target list overflows.
    `Snapshot ${result.version.version} (built: ${result.targets.join(', ')}) in ${relative(cwd, result.dir) || '.'}/`,
    '',
    fitTable(['platform', 'package', 'kept in', 'a real run publishes to'], rows, width),
    '',
    'What a real run still needs:',
  ];
  for (const e of all) {
    if (e.needs.length === 0) continue;
    lines.push(`  ${e.key}:`);
    for (const n of e.needs) lines.push(...wrapped('    - ', n));
  }
  const problems = all.filter((e) => e.status !== 'kept' || e.detail.includes('not run'));
  if (problems.length > 0) {
    lines.push('', 'Notes:');
    for (const e of problems) lines.push(...wrapped(`  ${e.key}: `, e.detail));
  }
  const tag = result.version.tag.replace(/-snapshot\+.*$/, '');
  // A tag that already marks another commit is a released version: the next step is a bump, not that tag.
  const next = result.tagTaken ? `then bump the version (${tag} is already released, at ${result.tagTaken}) and tag it to release for real.` : `then tag ${tag} to release for real.`;
  lines.push('', ...wrapText(`Nothing was sent anywhere. Look inside ${relative(cwd, result.dir) || '.'}/, ${next}`, width));
  return lines.join('\n');
}
