import type { StatusDocument } from './status-document.js';
import { isOk } from './status-presentation.js';

/** The one-glance verdict every view (summary headline, badge colour, dashboard banner) shares. */
export type ReleaseHealth = 'ok' | 'needs-human' | 'optional-failure' | 'required-failure';

export interface HealthCounts {
  total: number;
  ok: number;
  needsHuman: string[];
  requiredFailed: string[];
  optionalFailed: string[];
}

/** Counts per platform; the hub counts as a required platform, like in requiredFailures. */
export function healthCounts(doc: StatusDocument): HealthCounts {
  const entries = Object.entries(doc.platforms);
  const failed = entries.filter(([, p]) => p.status === 'failed');
  const counts: HealthCounts = {
    total: entries.length,
    // When the release itself failed, a skipped spoke was not "already there": it never ran.
    ok: entries.filter(([, p]) => (doc.release?.status === 'failed' ? p.status !== 'skipped' && isOk(p.status) : isOk(p.status))).length,
    needsHuman: entries.filter(([, p]) => p.status === 'needs-human').map(([k]) => k),
    requiredFailed: failed.filter(([, p]) => p.required).map(([k]) => k),
    optionalFailed: failed.filter(([, p]) => !p.required).map(([k]) => k),
  };
  if (doc.release?.status === 'failed') counts.requiredFailed.unshift('github');
  if (doc.release?.status === 'needs-human') counts.needsHuman.unshift('github');
  return counts;
}

export function releaseHealth(doc: StatusDocument): ReleaseHealth {
  const c = healthCounts(doc);
  // A failed plan published nothing: that is as red as a required failure.
  if (doc.plan || c.requiredFailed.length > 0) return 'required-failure';
  if (c.optionalFailed.length > 0) return 'optional-failure';
  if (c.needsHuman.length > 0) return 'needs-human';
  return 'ok';
}
