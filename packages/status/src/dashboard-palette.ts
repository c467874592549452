import type { SpokeStatus } from '@deployforge/catalog';

export interface StatusColours {
  /** The status word and symbol. */
  fg: string;
  /** The pill behind them. */
  bg: string;
  /** The card's accent edge (decorative: the word carries the meaning). */
  accent: string;
}

export interface Theme {
  page: string;
  card: string;
  text: string;
  muted: string;
  border: string;
  link: string;
  focus: string;
  status: Record<SpokeStatus, StatusColours>;
}

/**
 * The dashboard's colours, light and dark (prefers-color-scheme). Every text colour meets WCAG AA
 * (4.5:1) on every background it is drawn on; test/status/dashboard-palette.test.ts computes it.
 * needs-human has its own amber, distinct from failed red and published green.
 */
export const THEMES: { light: Theme; dark: Theme } = {
  light: {
    page: '#f6f8fa',
    card: '#ffffff',
    text: '#1f2328',
    muted: '#57606a',
    border: '#d0d7de',
    link: '#0550ae',
    focus: '#0550ae',
    status: {
      published: { fg: '#116329', bg: '#dafbe1', accent: '#1a7f37' },
      failed: { fg: '#a40e26', bg: '#ffebe9', accent: '#cf222e' },
      'needs-human': { fg: '#7d4e00', bg: '#fff8c5', accent: '#bf8700' },
      skipped: { fg: '#57606a', bg: '#eaeef2', accent: '#8c959f' },
      'dry-run': { fg: '#0550ae', bg: '#ddf4ff', accent: '#218bff' },
    },
  },
  dark: {
    page: '#0d1117',
    card: '#161b22',
    text: '#e6edf3',
    muted: '#9ea7b3',
    border: '#3d444d',
    link: '#79c0ff',
    focus: '#79c0ff',
    status: {
      published: { fg: '#56d364', bg: '#0f2d1a', accent: '#2ea043' },
      failed: { fg: '#ff8e86', bg: '#3c1618', accent: '#f85149' },
      'needs-human': { fg: '#e3b341', bg: '#341f00', accent: '#d29922' },
      skipped: { fg: '#b1bac4', bg: '#262c36', accent: '#6e7681' },
      'dry-run': { fg: '#79c0ff', bg: '#0c2d6b', accent: '#388bfd' },
    },
  },
};
