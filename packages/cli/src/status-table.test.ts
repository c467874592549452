import type { StatusDocument } from '@deployforge/status';
import { describe, expect, test } from 'vitest';
import { renderStatusTable } from './status-table.js';

const doc = (required: boolean) => ({
  release: { status: 'published', tag: 'v1.0.0', url: 'https://github.com/acme/a/releases/tag/v1.0.0', detail: '5 write(s)' },
  platforms: { crates: { status: 'published', version: '1.0.0', required, detail: 'cargo publish uploaded a 1.0.0\nsecond line' } },
}) as unknown as StatusDocument;

describe('the table at the end of deployforge release', () => {
  test('marks required platforms, and prints the legend only when a row is marked', () => {
    const marked = renderStatusTable(doc(true));
    expect(marked).toMatch(/^crates \*\s+published\s+1\.0\.0/m);
    expect(marked.endsWith('\n(* required)')).toBe(true);
    const plain = renderStatusTable(doc(false));
    expect(plain).toMatch(/^crates\s+published/m);
    expect(plain).not.toContain('(* required)');
    expect(plain).not.toContain('second line');
  });
});
