import { describe, expect, test } from 'vitest';
import { SPOKE_STATUSES } from '@deployforge/catalog';
import { contrastRatio, THEMES } from '@deployforge/status';

const AA_TEXT = 4.5;
/** WCAG 1.4.11: UI components and graphical objects (the focus ring, the card edge). */
const AA_NON_TEXT = 3;

describe('contrastRatio (WCAG 2.x formula)', () => {
  test.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#767676', '#ffffff', 4.54],
  ])('%s on %s = %d', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });
});

describe.each(Object.entries(THEMES))('the %s palette meets WCAG AA', (_name, t) => {
  test('body text, muted text and links on the page and on cards', () => {
    for (const fg of [t.text, t.muted, t.link]) {
      for (const bg of [t.page, t.card]) expect(contrastRatio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(AA_TEXT);
    }
    expect(contrastRatio(t.focus, t.page)).toBeGreaterThanOrEqual(AA_NON_TEXT);
    expect(contrastRatio(t.focus, t.card)).toBeGreaterThanOrEqual(AA_NON_TEXT);
  });

  test.each(SPOKE_STATUSES)('%s: the status word on its pill, on cards and on the page; text on its tint; the edge', (status) => {
    const s = t.status[status];
    for (const bg of [s.bg, t.card, t.page]) expect(contrastRatio(s.fg, bg), `${status} ${s.fg} on ${bg}`).toBeGreaterThanOrEqual(AA_TEXT);
    // The verdict and the needs-human section draw ordinary text on the status tint too.
    expect(contrastRatio(t.text, s.bg)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(t.muted, s.bg)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(s.accent, t.card)).toBeGreaterThanOrEqual(AA_NON_TEXT);
  });

  test('needs-human has a colour of its own', () => {
    const fgs = SPOKE_STATUSES.map((s) => t.status[s].fg);
    expect(new Set(fgs).size).toBe(fgs.length);
    expect(t.status['needs-human'].accent).not.toBe(t.status.failed.accent);
  });
});
