import { formatBytes, formatCount, formatDuration, safeHttpUrl } from './format-values.js';
import { markdownLink, markdownText } from './markdown-escape.js';
import { needsHumanAction, rerunHint } from './needs-human-actions.js';
import { healthCounts, releaseHealth } from './release-health.js';
import type { StatusDocument } from './status-document.js';
import { installCommands } from './install-commands.js';
import { supplyChainItems, type SupplyChainItem } from './supply-chain-files.js';
import { STATUS_PRESENTATION } from './status-presentation.js';

const status = (s: keyof typeof STATUS_PRESENTATION) => `${STATUS_PRESENTATION[s].emoji} ${STATUS_PRESENTATION[s].label}`;
const DASH = '—';

/**
 * The summarize job's summary (GITHUB_STEP_SUMMARY): the verdict first, then what a person must
 * do, then the hub, then one row per platform. Every value from the document goes through
 * markdownText: details quote registries and tools, and one `|` would shift a whole table.
 */
export function renderSummaryMarkdown(doc: StatusDocument): string {
  const out: string[] = [];
  const version = doc.version === 'unknown' ? '(version unknown)' : markdownText(doc.version);
  out.push(`## DeployForge: ${markdownText(doc.project)} ${version}`, '');
  if (doc['dry-run']) out.push('> [!NOTE]', '> **Dry run**: every package was rendered and validated; nothing was written anywhere.', '');
  out.push(verdictLine(doc), '');

  if (doc.plan) {
    out.push('> [!CAUTION]', `> **The plan failed**: ${markdownText(doc.plan.detail)}.`, '> Fix the config or the dispatch inputs (the plan job\'s annotations point at the line), then run the release again.', '');
  }

  out.push(...needsHumanSection(doc));
  out.push(...hubSection(doc));

  const rows = Object.entries(doc.platforms);
  if (rows.length > 0) {
    const withDownloads = rows.some(([, p]) => p.downloads !== undefined);
    out.push('### Platforms', '');
    out.push(`| platform | status | version | link | duration |${withDownloads ? ' downloads |' : ''} detail |`);
    out.push(`|---|---|---|---|---:|${withDownloads ? '---:|' : ''}---|`);
    for (const [key, p] of rows) {
      const name = markdownText(p.name ?? key);
      const cells = [
        p.required ? `**${name}** (required)` : name,
        status(p.status),
        markdownText(p.version),
        linkCell(p.url),
        formatDuration(p['duration-ms']) ?? DASH,
        ...(withDownloads ? [p.downloads === undefined ? DASH : formatCount(p.downloads)] : []),
        markdownText(p.detail),
      ];
      out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('', 'Required platforms are marked; the run fails only when one of them (or the release itself) fails.', '');
  }
  out.push(`<sub>Generated ${markdownText(doc['generated-at'])} by DeployForge.</sub>`, '');
  return out.join('\n');
}

function linkCell(url: string | undefined): string {
  const safe = safeHttpUrl(url);
  return safe ? markdownLink('open', safe) : DASH;
}

function verdictLine(doc: StatusDocument): string {
  if (doc.plan) return '❌ **Nothing was released.**';
  const c = healthCounts(doc);
  const parts = [`**${c.ok}/${c.total} platforms ok**`];
  if (c.requiredFailed.length) parts.push(`❌ required failed: ${c.requiredFailed.map(markdownText).join(', ')}`);
  if (c.optionalFailed.length) parts.push(`❌ optional failed: ${c.optionalFailed.map(markdownText).join(', ')}`);
  if (c.needsHuman.length) parts.push(`⚠️ needs a person: ${c.needsHuman.map(markdownText).join(', ')}`);
  const verdict = {
    ok: '✅ **Release complete.**',
    'needs-human': '⚠️ **Released; a person must finish some platforms.**',
    'optional-failure': '🟠 **Released; some optional platforms failed.**',
    'required-failure': doc.release?.status === 'failed' ? '❌ **The release failed.**' : '❌ **A required platform failed.**',
  }[releaseHealth(doc)];
  return `${verdict} ${parts.join(' · ')}`;
}

function needsHumanSection(doc: StatusDocument): string[] {
  const waiting = Object.entries(doc.platforms).filter(([, p]) => p.status === 'needs-human');
  if (waiting.length === 0) return [];
  const out = ['### ⚠️ Needs a person', ''];
  for (const [key, p] of waiting) {
    const link = safeHttpUrl(p.url);
    out.push(`- **${markdownText(p.name ?? key)}**${p.required ? ' (required)' : ''}: ${markdownText(p.detail)}${link ? ` (${markdownLink('open', link)})` : ''}`);
    out.push(`  - What to do: ${needsHumanAction(key)}`);
  }
  out.push('', rerunHint(waiting.map(([k]) => k), doc.version), '');
  return out;
}

function hubSection(doc: StatusDocument): string[] {
  const r = doc.release;
  if (!r) return [];
  const out = [`### Release ${markdownText(r.tag)}`, ''];
  const link = safeHttpUrl(r.url);
  out.push(`${status(r.status)}${link ? ` · ${markdownLink(r.tag, link)}` : ''} · ${markdownText(r.detail)}`, '');
  if (r.assets.length === 0) {
    out.push('Assets and supply-chain files: not reported to this job (see the release page).', '');
    return out;
  }
  const has = ({ present, label }: SupplyChainItem) => `${present ? '✅' : '➖'} ${label}: ${present ? 'yes' : 'no'}`;
  out.push(`Supply chain: ${supplyChainItems(r).map(has).join(' · ')}`, '');
  for (const c of installCommands(r.assets)) out.push(`Install (${c.shell === 'sh' ? 'Linux, macOS' : 'Windows'}): \`${c.command}\``, '');
  out.push(`<details><summary>${r.assets.length} assets</summary>`, '', '| asset | size | sha256 |', '|---|---:|---|');
  for (const a of r.assets) out.push(`| ${markdownLink(a.name, safeHttpUrl(a.url))} | ${formatBytes(a.size)} | \`${a.sha256.replace(/[^0-9a-f]/gi, '')}\` |`);
  out.push('', '</details>', '');
  return out;
}
