import type { ExistenceState } from '../existence.js';
import type { PypiFile } from './pypi-json-api.js';

export interface WheelComparison {
  state: Extract<ExistenceState, 'absent' | 'identical' | 'different'>;
  /** Wheels PyPI already has with our exact bytes. */
  same: string[];
  /** Wheels PyPI has under our file name with other bytes. */
  changed: string[];
  /** Wheels PyPI does not have yet. */
  missing: string[];
}

/**
 * Our wheels against the files PyPI lists for the version. Any file with our name but another
 * digest makes the release `different` (a PyPI file name can never be replaced); all present and
 * equal is `identical`; otherwise `absent`, and publish uploads only what is missing, so a run
 * that died half way through finishes the job on a re-run.
 */
export function compareWheels(ours: readonly { filename: string; sha256: string }[], theirs: readonly PypiFile[]): WheelComparison {
  const published = new Map(theirs.map((f) => [f.filename, f.sha256]));
  const same: string[] = [];
  const changed: string[] = [];
  const missing: string[] = [];
  for (const wheel of ours) {
    const digest = published.get(wheel.filename);
    if (digest === undefined) missing.push(wheel.filename);
    else if (digest === wheel.sha256) same.push(wheel.filename);
    else changed.push(wheel.filename);
  }
  const state = changed.length > 0 ? 'different' : missing.length === 0 ? 'identical' : 'absent';
  return { state, same, changed, missing };
}

export function describeComparison(c: WheelComparison): string {
  const parts: string[] = [];
  if (c.changed.length) parts.push(`${c.changed.length} wheel(s) with other sha256: ${c.changed.join(', ')}`);
  if (c.same.length) parts.push(`${c.same.length} wheel(s) with the same sha256`);
  if (c.missing.length) parts.push(`${c.missing.length} wheel(s) not uploaded yet`);
  return parts.join('; ');
}
