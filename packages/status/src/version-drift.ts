import type { SpokeStatus } from '@deployforge/platforms';
import { coerce, compare, valid } from 'semver';
import type { PlatformStatus, StatusDocument } from './status-document.js';

/**
 * What a platform serves, read from a series of status documents (release status.json files and
 * `deployforge status --json` drift reports, in any mix). A release document only says what a run
 * *did*: `published` (or skipped because that very version is already there) moves the platform to
 * the release's version; a failure, a needs-human, a dry run or a platform not selected leaves it
 * where it was. A drift report says what the platform serves outright.
 */

/** `string`: the version served; `null`: known to serve nothing; `undefined`: no evidence yet. */
export type Served = string | null | undefined;

export interface VersionCell {
  /** What the platform served once this document was written. */
  served: Served;
  /** The document's own word for this platform (absent: not configured in that run). */
  status?: SpokeStatus;
  /** A drift report's state (in-sync, behind, ahead, missing, unknown). */
  state?: string;
  /** How many known releases up to this document's are newer than `served`. */
  behind: number;
}

export interface PlatformDrift {
  key: string;
  name: string;
  /** One cell per document, in the order of `VersionHistory.docs` (newest first). */
  cells: VersionCell[];
  /** What it serves now, after the newest document. */
  serves: Served;
  /** Releases newer than what it serves, up to the newest; 0 in sync (or unknown). */
  behind: number;
  /** `serves` is older than the oldest release in the window: the real distance is larger. */
  atLeast: boolean;
  ahead: boolean;
  required: boolean;
}

export interface VersionHistory {
  /** The documents, newest first (the front page's columns). */
  docs: StatusDocument[];
  /** Versions that were really released (or reported as the newest release), newest first. */
  releases: string[];
  newest?: string;
  platforms: PlatformDrift[];
  /** The platforms behind the newest release that a dispatch can move (the hub is not a spoke). */
  dispatch?: { version: string; platforms: string[] };
}

/** The hub's row key, as in `deployforge status`. */
export const HUB_KEY = 'github';

type DriftRow = PlatformStatus & { state?: unknown; live?: unknown };

const ALREADY_THERE = /^(this version is )?already (published|there|complete)/i;

/** Versions compare as semver when they are (a `v` prefix tolerated), as text otherwise. */
export function compareVersions(a: string, b: string): number {
  const va = valid(a.replace(/^v/, '')) ?? valid(coerce(a));
  const vb = valid(b.replace(/^v/, '')) ?? valid(coerce(b));
  if (va && vb) return compare(va, vb);
  return a === b ? 0 : a < b ? -1 : 1;
}

/** A drift report (`deployforge status --json`) rather than a release's status.json. */
export function isDriftReport(doc: StatusDocument): boolean {
  return Object.values(doc.platforms).some((p) => typeof (p as DriftRow).state === 'string');
}

/** A drift report's rows by state: anything but in-sync or unknown is drift (behind, ahead, missing). */
export function driftCounts(doc: StatusDocument): { drifted: string[]; unknown: string[] } {
  const rows = Object.entries(doc.platforms) as [string, DriftRow][];
  return {
    drifted: rows.filter(([, p]) => typeof p.state === 'string' && p.state !== 'in-sync' && p.state !== 'unknown').map(([k]) => k),
    unknown: rows.filter(([, p]) => p.state === 'unknown').map(([k]) => k),
  };
}

/** A document that shows a version really came out: not a dry run, not a failed plan or hub. */
function releasedVersion(doc: StatusDocument): string | undefined {
  if (doc['dry-run'] || doc.plan || doc.release?.status === 'failed' || doc.version === 'unknown') return undefined;
  return doc.version;
}

/** What this document says the platform serves now; `undefined` when it says nothing about it. */
function evidence(doc: StatusDocument, p: DriftRow | undefined): Served {
  if (!p) return undefined;
  if (typeof p.state === 'string') {
    if (p.state === 'missing') return null;
    if (p.state === 'unknown') return undefined;
    return typeof p.live === 'string' && p.live !== '' ? p.live : undefined;
  }
  if (doc['dry-run'] || doc.plan) return undefined;
  const version = p.version || doc.version;
  if (p.status === 'published') return version;
  if (p.status === 'skipped' && ALREADY_THERE.test(p.detail)) return version;
  return undefined;
}

/** The hub as a row: drift reports carry it under `github`; release documents in `release`. */
function hubRow(doc: StatusDocument): DriftRow | undefined {
  if (doc.platforms[HUB_KEY]) return doc.platforms[HUB_KEY];
  const r = doc.release;
  if (!r) return undefined;
  return { status: r.status, version: doc.version, 'duration-ms': 0, required: true, detail: r.detail, name: 'GitHub Releases' };
}

function behindCount(served: Served, releases: readonly string[], upTo: string | undefined): { behind: number; atLeast: boolean } {
  if (served === undefined || upTo === undefined) return { behind: 0, atLeast: false };
  const known = releases.filter((r) => compareVersions(r, upTo) <= 0);
  if (served === null) return { behind: known.length, atLeast: true };
  const newer = known.filter((r) => compareVersions(r, served) > 0);
  const oldest = known[known.length - 1];
  return { behind: newer.length, atLeast: newer.length > 0 && oldest !== undefined && compareVersions(served, oldest) < 0 };
}

/** Rows and columns for the front page, from documents in any order (newest by generated-at first). */
export function versionHistory(input: readonly StatusDocument[]): VersionHistory {
  const docs = [...input].sort((a, b) => b['generated-at'].localeCompare(a['generated-at']));
  const releases = [...new Set(docs.map(releasedVersion).filter((v): v is string => v !== undefined))].sort((a, b) => compareVersions(b, a));
  const newest = releases[0];
  const spokeKeys = [...new Set(docs.flatMap((d) => Object.keys(d.platforms)))].filter((k) => k !== HUB_KEY);
  const keys = docs.some((d) => hubRow(d)) ? [HUB_KEY, ...spokeKeys] : spokeKeys;
  const row = (d: StatusDocument, k: string): DriftRow | undefined => (k === HUB_KEY ? hubRow(d) : d.platforms[k]);

  const platforms = keys.map((key): PlatformDrift => {
    const oldestFirst = [...docs].reverse();
    let served: Served;
    // The newest release known when each document was written: a column is judged by its own time.
    let newestSoFar: string | undefined;
    const cells: VersionCell[] = oldestFirst.map((d) => {
      const v = releasedVersion(d);
      if (v !== undefined && (newestSoFar === undefined || compareVersions(v, newestSoFar) > 0)) newestSoFar = v;
      const p = row(d, key);
      const seen = evidence(d, p);
      if (seen !== undefined) served = seen;
      return {
        served,
        ...(p ? { status: p.status } : {}),
        ...(typeof p?.state === 'string' ? { state: p.state } : {}),
        behind: behindCount(served, releases, newestSoFar).behind,
      };
    }).reverse();
    const { behind, atLeast } = behindCount(served, releases, newest);
    const latest = docs.map((d) => row(d, key)).find(Boolean);
    return {
      key,
      name: docs.map((d) => row(d, key)?.name).find(Boolean) ?? key,
      cells,
      serves: served,
      behind,
      atLeast,
      ahead: typeof served === 'string' && newest !== undefined && compareVersions(served, newest) > 0,
      required: latest?.required ?? false,
    };
  });

  const lagging = platforms.filter((p) => p.behind > 0 && p.key !== HUB_KEY).map((p) => p.key);
  return {
    docs,
    releases,
    ...(newest !== undefined ? { newest } : {}),
    platforms,
    ...(newest !== undefined && lagging.length > 0 ? { dispatch: { version: newest, platforms: lagging } } : {}),
  };
}
