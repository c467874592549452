import { healthCounts, releaseHealth, type ReleaseHealth } from './release-health.js';
import type { StatusDocument } from './status-document.js';
import { driftCounts, isDriftReport } from './version-drift.js';

/** shields.io endpoint badge (https://shields.io/badges/endpoint-badge): `badge.json`. */
export interface BadgeJson {
  schemaVersion: 1;
  label: string;
  message: string;
  color: string;
}

const BADGE_COLOR: Record<ReleaseHealth, string> = {
  ok: 'brightgreen',
  'needs-human': 'yellow',
  'optional-failure': 'orange',
  'required-failure': 'red',
};

/** `1.2.3 · 14/15 ok`; green all ok, yellow needs-human only, orange an optional failure, red a required one. */
export function renderBadge(doc: StatusDocument): BadgeJson {
  // The monitor's check: what the badge reader wants is whether every platform serves the release.
  if (isDriftReport(doc)) {
    const d = driftCounts(doc);
    if (d.drifted.length > 0) return { schemaVersion: 1, label: 'release', message: `${doc.version} · ${d.drifted.length} behind`, color: 'red' };
    if (d.unknown.length > 0) return { schemaVersion: 1, label: 'release', message: `${doc.version} · ${d.unknown.length} unknown`, color: 'yellow' };
    return { schemaVersion: 1, label: 'release', message: `${doc.version} · in sync`, color: 'brightgreen' };
  }
  const c = healthCounts(doc);
  const version = `${doc.version}${doc['dry-run'] ? ' (dry run)' : ''}`;
  const message = doc.plan ? `${version} · plan failed`
    : doc.release?.status === 'failed' ? `${version} · release failed`
    : `${version} · ${c.ok}/${c.total} ok`;
  return { schemaVersion: 1, label: 'release', message, color: BADGE_COLOR[releaseHealth(doc)] };
}
