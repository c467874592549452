import type { StatusDocument } from '@deployforge/status';
import { describe, expect, test } from 'vitest';
import { renderStatusTable } from './status-table.js';

const doc = (required: boolean) => ({
  release: { status: 'published', tag: 'v1.0.0', url: 'https://github.com/acme/a/releases/tag/v1.0.0', detail: '5 write(s)' },
  platforms: { crates: { status: 'published', version: '1.0.0', required, detail: 'cargo publish uploaded a 1.0.0\nsecond line' } },
}) as unknown as StatusDocument;

describe('the table at the end of deployforge release', () => {
  test('marks required platforms, and prints the legend only when a row is marked', () => {
    const marked = renderStatusTable(doc(true), 200);
    expect(marked).toMatch(/^crates \*\s+published\s+1\.0\.0/m);
    expect(marked.endsWith('\n(* required)')).toBe(true);
    const plain = renderStatusTable(doc(false), 200);
    expect(plain).toMatch(/^crates\s+published/m);
    expect(plain).not.toContain('(* required)');
    expect(plain).not.toContain('second line');
  });

  // A registry's refusal, as long as the ones the new-user review saw (~300 characters).
  const refusal = 'publishing to npm failed: the registry answered 403 Forbidden: you do not have permission to publish "demo-linux-x64"; '
    + 'are you logged in as the correct user? Check that NPM_TOKEN is an automation token of an account that owns the package, '
    + 'or add the account as a maintainer of demo-linux-x64 first';
  const long = {
    release: { status: 'published', tag: 'v1.0.0', url: 'https://github.com/acme/demo/releases/tag/v1.0.0', detail: '14 write(s)' },
    platforms: {
      npm: { status: 'failed', version: '1.0.0', required: true, url: 'https://www.npmjs.com/package/demo/v/1.0.0', detail: refusal },
      crates: { status: 'skipped', version: '1.0.0', required: false, detail: 'already published' },
    },
  } as unknown as StatusDocument;
  const words = (text: string) => text.split(/\s+/).filter(Boolean);

  test.each([80, 100, 120])('fits %i columns: no line runs past the edge, and the whole detail is still there', (width) => {
    const table = renderStatusTable(long, width);
    for (const line of table.split('\n')) expect(line.length, line).toBeLessThanOrEqual(width);
    expect(refusal.length).toBeGreaterThan(width);
    // Wrapped, not cut: every word of the detail is still there.
    for (const w of words(refusal)) expect(table).toContain(w);
    expect(table).toContain('https://github.com/acme/demo/releases/tag/v1.0.0');
    expect(table.endsWith('\n(* required)')).toBe(true);
  });

  test('a terminal wide enough gets one table with every cell on one line', () => {
    const table = renderStatusTable(long, 400);
    expect(table.split('\n')).toHaveLength(6);
    expect(table).toContain(refusal);
  });
});
