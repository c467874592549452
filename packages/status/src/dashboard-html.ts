import type { SpokeStatus } from '@deployforge/catalog';
import { dashboardCss } from './dashboard-css.js';
import { escapeHtml as h } from './escape-html.js';
import { formatBytes, formatCount, formatDuration, safeHttpUrl } from './format-values.js';
import { needsHumanAction } from './needs-human-actions.js';
import { healthCounts, releaseHealth, type ReleaseHealth } from './release-health.js';
import type { PlatformStatus, StatusDocument } from './status-document.js';
import { STATUS_PRESENTATION } from './status-presentation.js';
import { installCommands } from './install-commands.js';
import { supplyChainItems } from './supply-chain-files.js';
import { behindSectionHtml, versionsTableHtml } from './dashboard-versions-html.js';
import { driftCounts, isDriftReport, versionHistory } from './version-drift.js';

/** Newest first by generation time: the first is the release the page is about. */
export function newestFirst(docs: readonly StatusDocument[]): StatusDocument[] {
  return [...docs].sort((a, b) => b['generated-at'].localeCompare(a['generated-at']));
}

/** The status word with its symbol: colour is never the only carrier of meaning. */
function pill(status: SpokeStatus): string {
  const p = STATUS_PRESENTATION[status];
  return `<span class="pill s-${status}"><span aria-hidden="true">${p.symbol}</span> ${h(p.label)}</span>`;
}

function link(url: string | undefined, label: string): string {
  const safe = safeHttpUrl(url);
  return safe ? `<a href="${h(safe)}">${h(label)}</a>` : '';
}

const VERDICT: Record<ReleaseHealth, { cls: SpokeStatus; symbol: string; text: string }> = {
  ok: { cls: 'published', symbol: '✔', text: 'Release complete' },
  'needs-human': { cls: 'needs-human', symbol: '⚠', text: 'Released; a person must finish some platforms' },
  'optional-failure': { cls: 'failed', symbol: '✖', text: 'Released; some optional platforms failed' },
  'required-failure': { cls: 'failed', symbol: '✖', text: 'A required platform failed' },
};

function verdict(doc: StatusDocument): { cls: SpokeStatus; symbol: string; text: string } {
  if (doc.plan) return { cls: 'failed', symbol: '✖', text: 'The plan failed: nothing was released' };
  if (doc.release?.status === 'failed') return { cls: 'failed', symbol: '✖', text: 'The release failed: no platform was published' };
  return VERDICT[releaseHealth(doc)];
}

/** The monitor's check (`deployforge status --json`) is about drift, not about a run's failures. */
function driftHeader(doc: StatusDocument): string {
  const { drifted, unknown } = driftCounts(doc);
  const name = (k: string) => doc.platforms[k]?.name ?? k;
  const v = drifted.length > 0
    ? { cls: 'failed', symbol: '⬇', text: `${drifted.length} of ${Object.keys(doc.platforms).length} do not serve ${doc.version}: ${drifted.map(name).join(', ')}` }
    : unknown.length > 0
      ? { cls: 'needs-human', symbol: '⚠', text: `No known drift; could not read ${unknown.map(name).join(', ')}` }
      : { cls: 'published', symbol: '✔', text: `Every platform serves ${doc.version}` };
  const extra = drifted.length > 0 && unknown.length > 0 ? ` · could not read ${unknown.map(name).join(', ')}` : '';
  return `<header>
<h1>${h(doc.project)} ${h(doc.version)}</h1>
<p class="verdict s-${v.cls}"><span aria-hidden="true">${v.symbol}</span> ${h(v.text)}${h(extra)}</p>
<p class="meta">Checked by the monitor <time datetime="${h(doc['generated-at'])}">${h(doc['generated-at'].replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'))}</time></p>
</header>`;
}

function header(doc: StatusDocument): string {
  if (isDriftReport(doc)) return driftHeader(doc);
  const c = healthCounts(doc);
  const v = verdict(doc);
  const extra = [
    c.requiredFailed.length ? `required failed: ${c.requiredFailed.join(', ')}` : '',
    c.optionalFailed.length ? `optional failed: ${c.optionalFailed.join(', ')}` : '',
    c.needsHuman.length ? `needs a person: ${c.needsHuman.join(', ')}` : '',
  ].filter(Boolean);
  return `<header>
<h1>${h(doc.project)} ${doc.version === 'unknown' ? '(version unknown)' : h(doc.version)}</h1>
<p class="verdict s-${v.cls}"><span aria-hidden="true">${v.symbol}</span> ${h(v.text)}${doc.plan ? '' : ` · ${c.ok}/${c.total} platforms ok`}${extra.length ? ` · ${h(extra.join(' · '))}` : ''}</p>
<p class="meta">${doc['dry-run'] ? '<strong>Dry run</strong>: nothing was written anywhere. · ' : ''}Generated <time datetime="${h(doc['generated-at'])}">${h(doc['generated-at'].replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'))}</time></p>
</header>`;
}

function planFailed(doc: StatusDocument): string {
  if (!doc.plan) return '';
  return `<section aria-labelledby="plan-h" class="attention s-failed">
<h2 id="plan-h"><span aria-hidden="true">✖</span> The plan failed</h2>
<p>${h(doc.plan.detail)}.</p>
<p class="todo">Fix the config or the dispatch inputs (the plan job's annotations point at the line), then run the release again.</p>
</section>`;
}

function attention(doc: StatusDocument): string {
  const waiting = Object.entries(doc.platforms).filter(([, p]) => p.status === 'needs-human');
  if (waiting.length === 0) return '';
  const items = waiting.map(([key, p]) => `<li><strong>${h(p.name ?? key)}</strong>${p.required ? ' <span class="req">required</span>' : ''}: ${h(p.detail)}${p.url ? ` ${link(p.url, 'open')}` : ''}
<br><span class="todo">What to do: ${h(needsHumanAction(key))}</span></li>`).join('\n');
  return `<section aria-labelledby="attention-h" class="attention s-needs-human">
<h2 id="attention-h"><span aria-hidden="true">⚠</span> Needs a person</h2>
<ul>
${items}
</ul>
<p>Then re-run only these platforms: workflow_dispatch with version <code>${h(doc.version)}</code> and platforms <code>${h(waiting.map(([k]) => k).join(','))}</code>.</p>
</section>`;
}

function card(key: string, p: PlatformStatus): string {
  const facts: [string, string][] = [['Version', h(p.version)]];
  const duration = formatDuration(p['duration-ms']);
  if (duration) facts.push(['Duration', h(duration)]);
  if (p.downloads !== undefined) facts.push(['Downloads', h(formatCount(p.downloads))]);
  const where = link(p.url, `Open on ${p.name ?? key}`);
  return `<li><article class="card s-${p.status}" aria-labelledby="c-${h(key.replace(/[^a-z0-9-]/gi, '-'))}">
<div class="card-head"><h3 id="c-${h(key.replace(/[^a-z0-9-]/gi, '-'))}">${h(p.name ?? key)}${p.required ? ' <span class="req">required</span>' : ''}</h3>${pill(p.status)}</div>
<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
<p class="detail">${h(p.detail)}</p>
${where ? `<p class="detail">${where}</p>` : ''}
</article></li>`;
}

function platforms(doc: StatusDocument): string {
  const entries = Object.entries(doc.platforms);
  if (entries.length === 0) return '';
  return `<section aria-labelledby="platforms-h" id="platforms">
<h2 id="platforms-h">Platforms</h2>
<ul class="grid">
${entries.map(([k, p]) => card(k, p)).join('\n')}
</ul>
</section>`;
}

function release(doc: StatusDocument): string {
  const r = doc.release;
  if (!r) return '';
  const supply = supplyChainItems(r)
    .map(({ label, present }) => `<li class="pill s-${present ? 'published' : 'skipped'}"><span aria-hidden="true">${present ? '✔' : '–'}</span> ${h(label)}: ${present ? 'yes' : 'no'}</li>`).join('');
  const assets = r.assets.length === 0
    ? '<p class="meta">The assets and supply-chain files were not reported to this run; see the release page.</p>'
    : `<div class="table-wrap" role="region" aria-labelledby="assets-cap" tabindex="0"><table>
<caption id="assets-cap">${r.assets.length} assets of ${h(r.tag)}</caption>
<thead><tr><th scope="col">Asset</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
${r.assets.map((a) => `<tr><th scope="row">${link(a.url, a.name) || h(a.name)}</th><td class="num">${h(formatBytes(a.size))}</td><td><code>${h(a.sha256)}</code></td></tr>`).join('\n')}
</tbody></table></div>`;
  return `<section aria-labelledby="release-h">
<h2 id="release-h">Release ${h(r.tag)}</h2>
<p>${pill(r.status)} ${link(r.url, `${r.tag} on GitHub`)}</p>
<p class="detail">${h(r.detail)}</p>
${installCommands(r.assets).map((c) => `<p class="meta">Install (${c.shell === 'sh' ? 'Linux, macOS' : 'Windows'}): <code>${h(c.command)}</code></p>`).join('\n')}
${r.assets.length > 0 ? `<ul class="supply" aria-label="Supply-chain files">${supply}</ul>` : ''}
${assets}
</section>`;
}

export interface DashboardHtmlOptions {
  /** Column heads link to each document's own page under `releases/` (a site written by renderDashboard). */
  linkDetails?: boolean;
  /** A link back to the front page, for a detail page (relative to it). */
  home?: string;
}

/**
 * The dashboard: one self-contained page (inline CSS, no script, no external resource; the CSP
 * forbids any), readable from file:// as from GitHub Pages. `docs` in any order; the newest is the
 * release shown in detail. With more than one, the page opens with who is behind the newest
 * release (and the dispatch that fixes it) and what every platform served after each run.
 */
export function renderDashboardHtml(docs: readonly StatusDocument[], options: DashboardHtmlOptions = {}): string {
  const sorted = newestFirst(docs);
  const doc = sorted[0];
  if (!doc) throw new Error('renderDashboardHtml needs at least one status document');
  const versions = versionHistory(sorted);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="color-scheme" content="light dark">
<title>${h(doc.project)} ${h(doc.version)}: release status</title>
<style>
${dashboardCss()}
</style>
</head>
<body>
<a class="skip" href="#platforms">Skip to the platforms</a>
${options.home ? `<nav aria-label="Site"><p><a href="${h(options.home)}">All releases and checks</a></p></nav>` : ''}
${header(doc)}
<main>
${behindSectionHtml(versions)}
${versionsTableHtml(versions, options.linkDetails ?? false)}
${planFailed(doc)}
${attention(doc)}
${platforms(doc)}
${release(doc)}
</main>
<footer><p>Generated by DeployForge from status.json. The badge is in badge.json (a shields.io endpoint).</p></footer>
</body>
</html>
`;
}
