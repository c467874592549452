import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseStatusDocument, renderDashboard, type StatusDocument } from '@deployforge/status';
import { repoRoot } from '../helpers/repo-root.js';
import { testServices } from '../helpers/services.js';

const fixture = (name: string): StatusDocument =>
  parseStatusDocument(readFileSync(join(repoRoot, 'test/fixtures/status', name), 'utf8'), name);

/** Screenshots go to the OS temp dir (never committed); the path is printed for a person to look. */
const shotsDir = mkdtempSync(join(tmpdir(), 'deployforge-dashboard-shots-'));

let browser: Browser;
let indexUrl: string;

beforeAll(async () => {
  const docs = [fixture('release-1.2.3.json'), fixture('release-1.2.2.json'), fixture('release-1.2.1.json')];
  const out = mkdtempSync(join(tmpdir(), 'deployforge-dashboard-'));
  const files = await renderDashboard(docs, out);
  indexUrl = pathToFileURL(files.index).href;
  browser = await chromium.launch({
    // Debian's chromium from scripts/test-services; never a downloaded browser (TESTING.md).
    executablePath: testServices().DEPLOYFORGE_TEST_CHROMIUM,
    // playwright's launch() gives Chromium a fresh temporary --user-data-dir of its own.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  process.stderr.write(`dashboard screenshots: ${shotsDir}\n`);
});

afterAll(async () => {
  await browser?.close();
});

interface Box { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each([375, 1280])('the dashboard at %i px wide, from file://, in headless Chromium', (width) => {
  test('every card is visible, inside the viewport width, none overlapping; no console error, no request at all', async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: 'light' });
    const requests: string[] = [];
    const blocked: string[] = [];
    // Route everything: the page itself is the only thing allowed to load; anything else
    // (a font, a stylesheet, an image, a beacon) is recorded and refused.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === indexUrl) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

    await page.goto(indexUrl, { waitUntil: 'load' });

    const cards = page.locator('article.card');
    expect(await cards.count()).toBe(14);
    const boxes: Box[] = [];
    for (const card of await cards.all()) {
      await expect.poll(() => card.isVisible()).toBe(true);
      const box = await card.boundingBox();
      expect(box).not.toBeNull();
      const b = box as Box;
      expect(b.width).toBeGreaterThan(0);
      expect(b.height).toBeGreaterThan(0);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(width);
      boxes.push(b);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i] as Box, boxes[j] as Box), `cards ${i} and ${j} overlap`).toBe(false);
    }
    // Nothing on the page scrolls sideways: wide tables scroll inside their own region.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

    // Status in words, not colour alone; needs-human has its own section.
    await expect.poll(() => page.getByRole('heading', { name: /Needs a person/ }).isVisible()).toBe(true);
    expect(await page.locator('article.card.s-needs-human .pill').first().innerText()).toContain('needs a person');
    expect(await page.locator('article.card.s-failed .pill').first().innerText()).toContain('failed');
    expect(await page.getByRole('table', { name: /assets of v1\.2\.3/ }).locator('tbody tr').count()).toBe(6);
    // Platform, Serves now, then one column per release.
    expect(await page.getByRole('table', { name: /last 3 releases/ }).locator('thead th').count()).toBe(5);

    await page.screenshot({ path: join(shotsDir, `dashboard-${width}.png`), fullPage: true });
    expect(problems).toEqual([]);
    expect(blocked).toEqual([]);
    expect(requests).toEqual([indexUrl]);
    await context.close();
  });
});

test('control: the same harness does catch a page that loads something (so "no request" above means something)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'deployforge-dashboard-control-'));
  const file = join(dir, 'leaky.html');
  writeFileSync(file, '<!doctype html><html lang="en"><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body><img src="leak.png" alt=""></body></html>');
  const url = pathToFileURL(file).href;
  const context = await browser.newContext();
  const requests: string[] = [];
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  expect(requests).toEqual(expect.arrayContaining([url, 'http://127.0.0.1:9/x.css', pathToFileURL(join(dir, 'leak.png')).href]));
  await context.close();
});

test('dark mode and keyboard focus: the focused link shows a visible outline', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(indexUrl);
  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab'); // the first link after it
  const outline = await page.evaluate('(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + " " + s.outlineWidth; })()');
  expect(outline).toBe('solid 3px');
  await page.screenshot({ path: join(shotsDir, 'dashboard-1280-dark.png'), fullPage: false });
  await context.close();
});
