import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseStatusDocument, renderDashboardHtml, type StatusDocument } from '@deployforge/status';
import { repoRoot } from '../helpers/repo-root.js';
import { statusOf } from './summarize-fixtures.js';

const fixture = (name: string): StatusDocument =>
  parseStatusDocument(readFileSync(join(repoRoot, 'test/fixtures/status', name), 'utf8'), name);

describe('the dashboard page (static checks; the browser test renders it)', () => {
  const html = renderDashboardHtml([fixture('release-1.2.1.json'), fixture('release-1.2.3.json'), fixture('release-1.2.2.json')]);

  test('self-contained: no script, no external stylesheet, font or image; a CSP that forbids loading anything', () => {
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|@font-face/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  test('accessible structure: lang, one h1, landmarks, a real table for assets with headers, focus style', () => {
    expect(html).toMatch(/<html lang="en">/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    for (const tag of ['<header>', '<main>', '<footer>', '<section aria-labelledby="platforms-h"', '<article class="card']) expect(html).toContain(tag);
    expect(html).toContain('<th scope="col">SHA-256</th>');
    expect(html).toMatch(/:focus-visible\{outline:3px solid/);
  });

  test('the newest release is shown; history has the others, newest first', () => {
    expect(html).toContain('<title>hello-forge 1.2.3: release status</title>');
    const heads = [...html.matchAll(/<th scope="col">(1\.2\.\d)/g)].map((m) => m[1]);
    expect(heads).toEqual(['1.2.3', '1.2.2', '1.2.1']);
  });

  test('every status carries a word next to its colour; required platforms say so in words', () => {
    const pills = [...html.matchAll(/<span class="pill s-([a-z-]+)"><span aria-hidden="true">.<\/span> ([a-z ]+)<\/span>/g)];
    expect(pills.length).toBeGreaterThanOrEqual(14);
    for (const [, cls, word] of pills) expect(word).toBe({ published: 'published', failed: 'failed', 'needs-human': 'needs a person', skipped: 'skipped', 'dry-run': 'dry run' }[cls as string]);
    expect(html.match(/<span class="req">required<\/span>/g)?.length).toBeGreaterThanOrEqual(2);
  });

  test('values are escaped and only http(s) links are made', () => {
    const doc = fixture('release-1.2.3.json');
    const npm = doc.platforms.npm;
    if (!npm) throw new Error('fixture lacks npm');
    npm.detail = '<img src=x onerror=alert(1)> "quoted"';
    npm.url = 'javascript:alert(1)';
    doc.project = '<b>evil</b>';
    const out = renderDashboardHtml([doc]);
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<b>evil');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;');
    expect(out).not.toContain('javascript:');
  });

  test('a failed plan and a failed release say so at the top', () => {
    expect(renderDashboardHtml([statusOf('plan-failed')])).toContain('The plan failed: nothing was released');
    expect(renderDashboardHtml([statusOf('build-failed')])).toContain('The release failed: no platform was published');
  });
});
