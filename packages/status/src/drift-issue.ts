import { markdownText as escapeMarkdownCell } from './markdown-escape.js';
import type { StatusDocument } from './status-document.js';
import { compareVersions, HUB_KEY, versionHistory } from './version-drift.js';

/**
 * The one issue the monitor keeps open while a platform serves an older version than the newest
 * release (status.issues). Found again by this marker, so a renamed title or a removed label never
 * makes a second one.
 */
export const DRIFT_ISSUE_MARKER = '<!-- deployforge:drift-issue -->';
export const DRIFT_ISSUE_LABEL = 'deployforge-drift';

export interface DriftIssueContent {
  title: string;
  body: string;
}

type Row = StatusDocument['platforms'][string] & { state?: unknown; live?: unknown; release?: unknown };

/**
 * Title and body for a drift report (`deployforge status --json`), or undefined when every platform
 * serves the newest release. Only what the report says goes in: the same report gives the same
 * text, so an unchanged drift is never written again. `unknown` rows (a registry that did not
 * answer) are listed but do not by themselves open an issue: drift means a known older version.
 */
export function driftIssueContent(report: StatusDocument, options: { repository?: string; workflow?: string } = {}): DriftIssueContent | undefined {
  const rows = Object.entries(report.platforms) as [string, Row][];
  const newest = report.version;
  const lagging = rows.filter(([, p]) => p.state === 'behind' || p.state === 'missing' || (p.state === 'ahead'));
  if (lagging.length === 0) return undefined;
  // How many releases behind comes from the history logic, with this report as the only document.
  const history = versionHistory([report]);
  const behindOf = new Map(history.platforms.map((p) => [p.key, p]));
  const spokes = lagging.filter(([k, p]) => k !== HUB_KEY && p.state !== 'ahead').map(([k]) => k);
  const table = [
    '| Platform | Serves | Newest release | State |',
    '|---|---|---|---|',
    ...rows.map(([key, p]) => {
      const live = typeof p.live === 'string' && p.live !== '' ? p.live : '—';
      const state = typeof p.state === 'string' ? p.state : p.status;
      const lag = p.state === 'behind' && typeof p.live === 'string' && compareVersions(p.live, newest) < 0 ? ' ⬇' : '';
      return `| ${escapeMarkdownCell(p.name ?? key)} | ${escapeMarkdownCell(live)} | ${escapeMarkdownCell(newest)} | ${escapeMarkdownCell(state)}${lag} |`;
    }),
  ];
  const names = lagging.map(([k, p]) => {
    const d = behindOf.get(k);
    return `${p.name ?? k}${p.state === 'missing' ? ' (not published)' : p.state === 'ahead' ? ' (ahead)' : d && d.serves ? ` (serves ${d.serves})` : ''}`;
  });
  const dispatch = spokes.length > 0 ? [
    '',
    'To bring them up to date, run the release workflow (Actions → Release → Run workflow) with these inputs:',
    '',
    '```yaml',
    `version: ${newest}`,
    `platforms: ${spokes.join(',')}`,
    '```',
    ...(options.workflow ? ['', `or: \`gh workflow run ${options.workflow} -f version=${newest} -f platforms=${spokes.join(',')}\``] : []),
  ] : [];
  const hub = lagging.some(([k]) => k === HUB_KEY)
    ? ['', `GitHub's "latest" release is not ${newest}: mark it as the latest release (or see whether a rollback moved it on purpose).`]
    : [];
  const body = [
    DRIFT_ISSUE_MARKER,
    `The newest release of ${options.repository ?? report.project} is **${newest}**, but ${names.join(', ')} ${lagging.length === 1 ? 'does' : 'do'} not serve it.`,
    '',
    ...table,
    ...dispatch,
    ...hub,
    '',
    `Checked by the DeployForge monitor (\`deployforge status\`). This issue is updated while the drift lasts and closed once every platform serves the newest release.`,
  ].join('\n');
  const title = `Release drift: ${lagging.map(([k]) => k).join(', ')} behind ${newest}`;
  return { title, body };
}
