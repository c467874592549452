import { healthCounts, releaseHealth, type ReleaseHealth } from './release-health.js';
import type { StatusDocument } from './status-document.js';

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
  const c = healthCounts(doc);
  const version = `${doc.version}${doc['dry-run'] ? ' (dry run)' : ''}`;
  const message = doc.plan ? `${version} · plan failed`
    : doc.release?.status === 'failed' ? `${version} · release failed`
    : `${version} · ${c.ok}/${c.total} ok`;
  return { schemaVersion: 1, label: 'release', message, color: BADGE_COLOR[releaseHealth(doc)] };
}
