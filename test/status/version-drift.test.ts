import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  mergeHistory, parseStatusDocument, parseStatusHistory, renderBadge, renderDashboard, renderDashboardHtml, versionHistory, type StatusDocument,
} from '@deployforge/status';
import { repoRoot } from '../helpers/repo-root.js';

const fixture = (name: string): StatusDocument =>
  parseStatusDocument(readFileSync(join(repoRoot, 'test/fixtures/status', name), 'utf8'), name);

// Five documents: three releases (1.2.1-1.2.3, from make-status-fixtures.ts), 1.2.4 where npm was not
// selected and docker failed again, and the monitor's drift report the next morning (check-1.2.4.json).
const FIVE = ['release-1.2.3.json', 'check-1.2.4.json', 'release-1.2.1.json', 'release-1.2.4.json', 'release-1.2.2.json'].map(fixture);
const row = (h: ReturnType<typeof versionHistory>, key: string) => h.platforms.find((p) => p.key === key)!;

describe('versionHistory: what each platform serves, from releases and drift reports', () => {
  const history = versionHistory(FIVE);

  test('columns newest first; the newest release is the highest released version', () => {
    expect(history.docs.map((d) => d['generated-at'].slice(0, 10))).toEqual(['2025-03-21', '2025-03-20', '2025-03-04', '2025-02-10', '2025-01-15']);
    expect(history.releases).toEqual(['1.2.4', '1.2.3', '1.2.2', '1.2.1']);
    expect(history.newest).toBe('1.2.4');
  });

  test('"skipped" because not selected does not count as serving the release: npm is one behind', () => {
    expect(row(history, 'npm')).toMatchObject({ serves: '1.2.3', behind: 1, atLeast: false });
    // Column by column: in sync until 1.2.4 skipped it.
    expect(row(history, 'npm').cells.map((c) => [c.served, c.status, c.behind])).toEqual([
      ['1.2.3', 'failed', 1], ['1.2.3', 'skipped', 1], ['1.2.3', 'published', 0], ['1.2.2', 'published', 0], ['1.2.1', 'published', 0],
    ]);
  });

  test('failures and needs-human leave a platform where it was; already-published skips count as serving', () => {
    expect(row(history, 'docker')).toMatchObject({ serves: '1.2.2', behind: 2 });
    expect(row(history, 'winget')).toMatchObject({ serves: '1.2.1', behind: 3 });
    expect(row(history, 'snap')).toMatchObject({ serves: '1.2.4', behind: 0 });
    expect(row(history, 'snap').cells[2]).toMatchObject({ served: '1.2.3', status: 'skipped', behind: 0 });
    // aur: the check could not read it (unknown): the 1.2.4 release still says it was published.
    expect(row(history, 'aur')).toMatchObject({ serves: '1.2.4', behind: 0 });
    expect(row(history, 'github')).toMatchObject({ name: 'GitHub Releases', serves: '1.2.4', behind: 0, required: true });
  });

  test('the dispatch names exactly the platforms behind, with the newest version', () => {
    expect(history.dispatch).toEqual({ version: '1.2.4', platforms: ['npm', 'docker', 'winget'] });
  });

  test('in sync: no dispatch; a check saying "missing" counts every release as behind, at least', () => {
    expect(versionHistory([fixture('release-1.2.1.json'), fixture('release-1.2.2.json')]).dispatch).toEqual({ version: '1.2.2', platforms: ['winget', 'aur'] });
    const first = fixture('release-1.2.1.json');
    const platforms = Object.fromEntries(Object.entries(first.platforms).map(([k, p]) => [k, { ...p, version: '1.2.2' }]));
    const synced: StatusDocument = { ...first, version: '1.2.2', 'generated-at': '2025-02-10T08:00:00.000Z', platforms };
    expect(versionHistory([fixture('release-1.2.1.json'), synced]).dispatch).toBeUndefined();
    const check = fixture('check-1.2.4.json');
    const missing = { ...check, platforms: { ...check.platforms, npm: { ...check.platforms.npm!, state: 'missing', version: '' } } } as StatusDocument;
    const h = versionHistory([fixture('release-1.2.4.json'), missing]);
    expect(row(h, 'npm')).toMatchObject({ serves: null, behind: 1, atLeast: true });
  });

  test('a dry run and a failed plan never move what a platform serves', () => {
    const dry = { ...fixture('release-1.2.4.json'), 'dry-run': true } as StatusDocument;
    const h = versionHistory([fixture('release-1.2.3.json'), dry]);
    expect(h.newest).toBe('1.2.3');
    expect(row(h, 'pypi')).toMatchObject({ serves: '1.2.3', behind: 0 });
  });
});

describe('the front page from five documents', () => {
  const html = renderDashboardHtml(FIVE, { linkDetails: true });

  test('who is behind comes first, by how many releases, with the dispatch inputs', () => {
    const behind = html.slice(html.indexOf('id="behind-h"'), html.indexOf('</section>', html.indexOf('id="behind-h"')));
    expect(behind).toContain('Behind the newest release, 1.2.4');
    expect(behind).toContain('<strong>npm</strong> <span class="req">required</span> serves 1.2.3: 1 release behind');
    expect(behind).toContain('serves 1.2.2: 2 releases behind');
    expect(behind).toContain('version: 1.2.4\nplatforms: npm,docker,winget');
    expect(html.indexOf('id="behind-h"')).toBeLessThan(html.indexOf('id="history-h"'));
    expect(html.indexOf('id="history-h"')).toBeLessThan(html.indexOf('id="platforms-h"'));
  });

  test('each cell: the version served and the state; column heads link to each document\'s detail page', () => {
    expect(html).toContain('<th scope="col"><a href="releases/1.2.4-20250321061700-check.html">1.2.4 (check)</a>');
    expect(html).toMatch(/<tr><th scope="row">Docker Hub \/ GHCR<\/th><td class="behind"><strong class="ver">1\.2\.2<\/strong> <span class="lag">/);
    expect(html).toContain('<td class="behind"><span class="ver">1.2.2</span> <span class="cell s-failed"><span aria-hidden="true">✖</span> failed</span> <span class="lag"><span aria-hidden="true">⬇</span> 1 release behind</span></td>');
  });

  test('renderDashboard writes a detail page per document, history.json (kept to --keep) and the newest status.json', async () => {
    const out = mkdtempSync(join(tmpdir(), 'df-history-'));
    const files = await renderDashboard(FIVE, out, { keep: 4 });
    expect(readdirSync(join(out, 'releases')).sort()).toEqual([
      '1.2.2-20250210080000.html', '1.2.3-20250304102030.html', '1.2.4-20250320090000.html', '1.2.4-20250321061700-check.html',
    ]);
    const detail = readFileSync(join(out, 'releases/1.2.3-20250304102030.html'), 'utf8');
    expect(detail).toContain('<a href="../index.html">All releases and checks</a>');
    expect(detail).toContain('<h1>hello-forge 1.2.3</h1>');
    const kept = parseStatusHistory(readFileSync(files.history, 'utf8'), 'history.json');
    expect(kept.map((d) => d['generated-at'].slice(0, 10))).toEqual(['2025-03-21', '2025-03-20', '2025-03-04', '2025-02-10']);
    expect(JSON.parse(readFileSync(files.status, 'utf8'))).toMatchObject({ version: '1.2.4', drift: true });
  });

  test('mergeHistory keeps each document once, newest first', () => {
    const merged = mergeHistory(FIVE.slice(0, 3), FIVE, 20);
    expect(merged).toHaveLength(5);
    expect(mergeHistory(FIVE, [], 2).map((d) => d.version)).toEqual(['1.2.4', '1.2.4']);
  });
});

describe('a drift report as the newest document: the headline and the badge speak drift, not failures', () => {
  const check = fixture('check-1.2.4.json');
  test('headline names who does not serve the release, and what could not be read', () => {
    const html = renderDashboardHtml([check]);
    expect(html).toContain('<p class="verdict s-failed"><span aria-hidden="true">⬇</span> 3 of 15 do not serve 1.2.4: npm, Docker Hub / GHCR, Winget · could not read AUR</p>');
    expect(html).not.toContain('A required platform failed');
  });
  test('badge: N behind (red), unknown only (yellow), in sync (green)', () => {
    expect(renderBadge(check)).toEqual({ schemaVersion: 1, label: 'release', message: '1.2.4 · 3 behind', color: 'red' });
    const rows = (state: string) => Object.fromEntries(Object.entries(check.platforms).map(([k, p]) => [k, { ...p, state: k === 'aur' ? (p as unknown as { state: string }).state : state }]));
    expect(renderBadge({ ...check, platforms: rows('in-sync') })).toMatchObject({ message: '1.2.4 · 1 unknown', color: 'yellow' });
    const synced = Object.fromEntries(Object.entries(check.platforms).map(([k, p]) => [k, { ...p, state: 'in-sync' }]));
    expect(renderBadge({ ...check, platforms: synced })).toEqual({ schemaVersion: 1, label: 'release', message: '1.2.4 · in sync', color: 'brightgreen' });
    expect(renderDashboardHtml([{ ...check, platforms: synced }])).toContain('✔</span> Every platform serves 1.2.4</p>');
  });
});

