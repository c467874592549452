import { escapeHtml as h } from './escape-html.js';
import type { StatusDocument } from './status-document.js';
import { STATUS_PRESENTATION } from './status-presentation.js';
import { isDriftReport, type PlatformDrift, type Served, type VersionCell, type VersionHistory } from './version-drift.js';

/**
 * The front page's answer to "what version does each platform serve, and who is behind?": a
 * section naming the platforms behind the newest release with the dispatch that fixes them, and
 * a grid of every platform across the documents, each cell the version served and that run's state.
 */

/** Where a document's own detail page lives, relative to the front page; stable for a document. */
export function detailPageName(doc: StatusDocument): string {
  const version = doc.version.replace(/[^A-Za-z0-9._-]/g, '-');
  const at = doc['generated-at'].replace(/[^0-9]/g, '').slice(0, 14);
  return `releases/${version}-${at}${isDriftReport(doc) ? '-check' : ''}.html`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function lagText(p: Pick<PlatformDrift, 'behind' | 'atLeast'>): string {
  return `${p.atLeast ? 'at least ' : ''}${plural(p.behind, 'release')} behind`;
}

function servedText(served: Served): string {
  if (served === null) return 'none';
  return served ?? 'unknown';
}

function lag(behind: number, atLeast: boolean): string {
  return `<span class="lag"><span aria-hidden="true">⬇</span> ${h(lagText({ behind, atLeast }))}</span>`;
}

function cell(c: VersionCell): string {
  if (!c.status) return '<td><span class="meta">not configured</span></td>';
  const s = STATUS_PRESENTATION[c.status];
  const state = c.state ? `${c.state}` : s.label;
  const served = c.served === undefined || c.served === null ? `<span class="ver meta">${servedText(c.served)}</span>` : `<span class="ver">${h(c.served)}</span>`;
  return `<td${c.behind > 0 ? ' class="behind"' : ''}>${served} <span class="cell s-${c.status}"><span aria-hidden="true">${s.symbol}</span> ${h(state)}</span>${c.behind > 0 ? ` ${lag(c.behind, c.served === null)}` : ''}</td>`;
}

function servesNow(p: PlatformDrift, newest: string | undefined): string {
  const version = p.serves === undefined || p.serves === null ? `<span class="ver meta">${servedText(p.serves)}</span>` : `<strong class="ver">${h(p.serves)}</strong>`;
  if (p.behind > 0) return `<td class="behind">${version} ${lag(p.behind, p.atLeast)}</td>`;
  if (p.ahead) return `<td>${version} <span class="cell s-needs-human"><span aria-hidden="true">⬆</span> ahead of ${h(newest ?? '')}</span></td>`;
  if (typeof p.serves === 'string' && p.serves === newest) return `<td>${version} <span class="cell s-published"><span aria-hidden="true">✔</span> newest</span></td>`;
  return `<td>${version}</td>`;
}

function columnHead(doc: StatusDocument, link: boolean): string {
  const label = `${h(doc.version)}${doc['dry-run'] ? ' (dry run)' : ''}${isDriftReport(doc) ? ' (check)' : ''}`;
  const title = link ? `<a href="${h(detailPageName(doc))}">${label}</a>` : label;
  return `<th scope="col">${title}<br><time class="meta" datetime="${h(doc['generated-at'])}">${h(doc['generated-at'].slice(0, 10))}</time></th>`;
}

/** Who is behind, by how much, and the workflow_dispatch inputs that bring them up to date. */
export function behindSectionHtml(history: VersionHistory): string {
  const behind = history.platforms.filter((p) => p.behind > 0);
  if (behind.length === 0 || history.newest === undefined) return '';
  const items = behind.map((p) => {
    const waiting = p.cells[0]?.status === 'needs-human' ? ' (its newest run is waiting for a person: see its card)' : '';
    return `<li><strong>${h(p.name)}</strong>${p.required ? ' <span class="req">required</span>' : ''} serves ${h(servedText(p.serves))}: ${h(lagText(p))}${h(waiting)}</li>`;
  }).join('\n');
  const dispatch = history.dispatch
    ? `<p>To bring them up to date, run the release workflow (workflow_dispatch) with these inputs:</p>
<pre class="dispatch"><code>version: ${h(history.dispatch.version)}
platforms: ${h(history.dispatch.platforms.join(','))}</code></pre>`
    : '';
  const hub = behind.some((p) => p.key === 'github')
    ? `<p class="todo">GitHub Releases: the release marked latest is older than ${h(history.newest)}; mark ${h(history.newest)} as the latest release on GitHub.</p>`
    : '';
  return `<section aria-labelledby="behind-h" class="attention s-failed" id="behind">
<h2 id="behind-h"><span aria-hidden="true">⬇</span> Behind the newest release, ${h(history.newest)}</h2>
<ul>
${items}
</ul>
${dispatch}
${hub}
</section>`;
}

/**
 * Every platform across the documents (newest first): the version served after each run and that
 * run's word for it. `linkDetails`: column heads link to each document's own page (a published site).
 */
export function versionsTableHtml(history: VersionHistory, linkDetails: boolean): string {
  if (history.docs.length < 2) return '';
  const inSync = history.newest !== undefined && history.platforms.every((p) => p.behind === 0);
  return `<section aria-labelledby="history-h" id="history">
<h2 id="history-h">History</h2>
${inSync ? `<p><span class="cell s-published"><span aria-hidden="true">✔</span> every platform serves ${h(history.newest ?? '')}</span></p>` : ''}
<div class="table-wrap" role="region" aria-labelledby="history-cap" tabindex="0"><table>
<caption id="history-cap">What each platform serves across the last ${history.docs.length} releases and checks, newest first${history.newest ? `; the newest release is ${h(history.newest)}` : ''}</caption>
<thead><tr><th scope="col">Platform</th><th scope="col">Serves now</th>${history.docs.map((d) => columnHead(d, linkDetails)).join('')}</tr></thead>
<tbody>
${history.platforms.map((p) => `<tr><th scope="row">${h(p.name)}</th>${servesNow(p, history.newest)}${p.cells.map(cell).join('')}</tr>`).join('\n')}
</tbody></table></div>
</section>`;
}
