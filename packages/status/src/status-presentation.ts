import type { SpokeStatus } from '@deployforge/catalog';

/**
 * How each status is shown, everywhere: a word and a symbol always travel together, so no view
 * relies on colour alone (WCAG 1.4.1). `emoji` is for GitHub markdown, `symbol` for the HTML page,
 * where it must render with the fonts of any machine (plain Unicode, no colour emoji).
 */
export const STATUS_PRESENTATION: Record<SpokeStatus, { label: string; emoji: string; symbol: string }> = {
  published: { label: 'published', emoji: '✅', symbol: '✔' },
  skipped: { label: 'skipped', emoji: '⏭️', symbol: '↷' },
  'dry-run': { label: 'dry run', emoji: '🧪', symbol: '◇' },
  'needs-human': { label: 'needs a person', emoji: '⚠️', symbol: '⚠' },
  failed: { label: 'failed', emoji: '❌', symbol: '✖' },
};

/** Statuses that count as "ok" in the badge and the headline: nothing is left to do. */
export const OK_STATUSES: readonly SpokeStatus[] = ['published', 'skipped', 'dry-run'];

export function isOk(status: SpokeStatus): boolean {
  return OK_STATUSES.includes(status);
}
