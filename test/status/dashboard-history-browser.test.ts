import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contrastRatio, parseStatusDocument, renderDashboard, type StatusDocument } from '@deployforge/status';
import { repoRoot } from '../helpers/repo-root.js';
import { testServices } from '../helpers/services.js';

// The history front page in a real browser (Debian's headless Chromium, driven over the DevTools
// protocol by playwright-core, which is already a dev dependency): five status documents with drift,
// needs-human and failures; drift marked in words, the keyboard reaches everything with a visible
// focus, text contrast measured on the rendered colours, and nothing requested beyond the site's files.

const fixture = (name: string): StatusDocument =>
  parseStatusDocument(readFileSync(join(repoRoot, 'test/fixtures/status', name), 'utf8'), name);
const FIVE = ['release-1.2.1.json', 'release-1.2.2.json', 'release-1.2.3.json', 'release-1.2.4.json', 'check-1.2.4.json'].map(fixture);

/** The flags every browser test here uses: no first-run, no background traffic, no QUIC, a fresh profile. */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const shotsDir = mkdtempSync(join(tmpdir(), 'deployforge-history-shots-'));
let site: string;
let indexUrl: string;
let context: BrowserContext;
/** Every URL any page asked for, and what was refused. */
const requests: string[] = [];
const refused: string[] = [];

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'deployforge-history-site-'));
  const files = await renderDashboard(FIVE, site);
  indexUrl = pathToFileURL(files.index).href;
  // A fresh --user-data-dir per run (launchPersistentContext passes it to Chromium).
  const profile = mkdtempSync(join(tmpdir(), 'deployforge-chromium-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: testServices().DEPLOYFORGE_TEST_CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
  });
  // Only the site's own files may load: anything else (a font, an image, a beacon) is refused and recorded.
  const siteUrl = pathToFileURL(site).href;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${siteUrl}/`)) return route.continue();
    refused.push(url);
    return route.abort();
  });
  context.on('request', (r) => requests.push(r.url()));
  process.stderr.write(`history dashboard screenshots: ${shotsDir}\n`);
}, 60_000);

afterAll(async () => {
  await context?.close();
});

async function open(width = 1280): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(indexUrl, { waitUntil: 'load' });
  return page;
}

describe('the history front page from five status documents, in headless Chromium', () => {
  test('drift is marked in words: who is behind, by how many releases, and the dispatch that fixes it', async () => {
    const page = await open();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    const behind = page.getByRole('region', { name: /Behind the newest release, 1\.2\.4/ });
    await expect.poll(() => behind.isVisible()).toBe(true);
    expect(await behind.locator('li').allInnerTexts()).toEqual([
      'npm REQUIRED serves 1.2.3: 1 release behind',
      'Docker Hub / GHCR serves 1.2.2: 2 releases behind',
      'Winget serves 1.2.1: 3 releases behind',
    ]);
    expect(await behind.locator('pre.dispatch').innerText()).toBe('version: 1.2.4\nplatforms: npm,docker,winget');

    const grid = page.getByRole('table', { name: /across the last 5 releases and checks/ });
    expect(await grid.locator('thead th').allInnerTexts()).toEqual([
      'Platform', 'Serves now', '1.2.4 (check)\n2025-03-21', '1.2.4\n2025-03-20', '1.2.3\n2025-03-04', '1.2.2\n2025-02-10', '1.2.1\n2025-01-15',
    ]);
    const serves = async (name: string) => grid.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).locator('td').first();
    expect(await (await serves('npm')).innerText()).toBe('1.2.3 ⬇ 1 release behind');
    expect(await (await serves('Docker Hub / GHCR')).innerText()).toBe('1.2.2 ⬇ 2 releases behind');
    expect(await (await serves('PyPI')).innerText()).toBe('1.2.4 ✔ newest');
    // The marked cells stand out by an edge and a filled label, not only by colour of text.
    const marked = await grid.locator('td.behind').count();
    expect(marked).toBeGreaterThanOrEqual(3 + 1 + 2 + 2 + 1);
    const edge = await (await serves('npm')).evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { boxShadow: string } }).getComputedStyle(el).boxShadow);
    expect(edge).toMatch(/inset/);
    // Failures and needs-human are in the grid with their words.
    expect(await grid.locator('.cell.s-failed').filter({ hasText: 'failed' }).count()).toBeGreaterThanOrEqual(3);
    expect(await grid.locator('.cell.s-needs-human').filter({ hasText: 'needs a person' }).count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: join(shotsDir, 'history-1280.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('at 375 px only the grid scrolls sideways, inside its own focusable region', async () => {
    const page = await open(375);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    const wrap = page.locator('#history .table-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await wrap.getAttribute('tabindex')).toBe('0');
    await page.screenshot({ path: join(shotsDir, 'history-375.png'), fullPage: true });
    await page.close();
  });

  test('keyboard: Tab reaches the skip link, the grid and each release\'s page, with a visible outline; Enter follows them', async () => {
    const page = await open();
    // Strings, not functions: the tests typecheck without the DOM library.
    const focused = async () => page.evaluate(`(() => {
      const el = document.activeElement;
      const s = getComputedStyle(el);
      const label = el.getAttribute('aria-labelledby');
      return { text: label ? 'region:' + label : el.innerText.split('\\n')[0], outline: s.outlineStyle + ' ' + s.outlineWidth, left: el.getBoundingClientRect().left };
    })()`) as Promise<{ text: string; outline: string; left: number }>;
    const order: string[] = [];
    await page.keyboard.press('Tab');
    const skip = await focused();
    expect(skip.text).toBe('Skip to the platforms');
    expect(skip.left).toBeGreaterThanOrEqual(0); // on screen once focused
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      expect(f.outline, `focus on ${f.text}`).toBe('solid 3px');
      order.push(f.text);
    }
    expect(order).toEqual(['region:history-cap', '1.2.4 (check)', '1.2.4', '1.2.3', '1.2.2', '1.2.1']);
    // Enter on the focused 1.2.1 link opens that release's own page, which links back.
    await page.keyboard.press('Enter');
    await page.waitForURL(/releases\/1\.2\.1-20250115080000\.html$/);
    expect(await page.locator('h1').innerText()).toBe('hello-forge 1.2.1');
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // back to the front page
    expect(await page.evaluate('document.activeElement.innerText')).toBe('All releases and checks');
    await page.keyboard.press('Enter');
    await page.waitForURL(indexUrl);
    // The skip link lands on the platforms.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('location.hash')).toBe('#platforms');
    await page.close();
  });

  test.each(['light', 'dark'] as const)('contrast in %s mode: every text on the grid and the behind section is at least 4.5:1 on what is behind it', async (scheme) => {
    const page = await open();
    await page.emulateMedia({ colorScheme: scheme });
    const pairs = await page.evaluate(`(() => {
      const solid = (c) => !/rgba\\(.*,\\s*0\\)$/.test(c) && c !== 'transparent';
      const backgroundOf = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (solid(bg)) return bg;
        }
        return getComputedStyle(document.body).backgroundColor;
      };
      const selector = '#behind h2, #behind li, #behind p, #behind code, #history caption, #history th, #history .ver, #history .cell, #history .lag, #history time, #history a';
      return [...document.querySelectorAll(selector)].map((el) => ({
        what: el.tagName.toLowerCase() + '.' + el.className + ' "' + el.innerText.slice(0, 20) + '"',
        fg: getComputedStyle(el).color,
        bg: backgroundOf(el),
      }));
    })()`) as { what: string; fg: string; bg: string }[];
    const hex = (rgb: string) => `#${(rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
    expect(pairs.length).toBeGreaterThan(100);
    const poor = pairs.map((p) => ({ ...p, ratio: contrastRatio(hex(p.fg), hex(p.bg)) })).filter((p) => p.ratio < 4.5);
    expect(poor).toEqual([]);
    await page.screenshot({ path: join(shotsDir, `history-1280-${scheme}.png`), fullPage: false });
    await page.close();
  });

  test('nothing but the site\'s own files was requested, by any page, in any test above', () => {
    expect(refused).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(5);
    const siteUrl = pathToFileURL(site).href;
    for (const url of requests) expect(url.startsWith(`${siteUrl}/`), url).toBe(true);
  });
});
