import type { Plan } from '@deployforge/plan';
import type { SpokeStatus } from '@deployforge/catalog';
import type { PlatformStatus, StatusDocument } from './status-document.js';
import { supplyChainFacts } from './supply-chain-files.js';

/** The fields of a spoke's result that status.json keeps (a SpokeOutcome, or an action's outputs). */
export interface SpokeResultLike {
  key: string;
  status: SpokeStatus;
  version: string;
  url?: string;
  detail: string;
  'duration-ms': number;
}

export interface HubResultLike {
  status: SpokeStatus;
  url?: string;
  tag: string;
  detail: string;
  assets: { name: string; size: number; sha256: string; url: string }[];
}

/**
 * Merge the plan (which spokes exist, which are required, their names) with what each spoke
 * reported. A spoke with no result (its job never reported) is `failed` with that said plainly,
 * never silently missing from the document.
 */
export function buildStatusDocument(input: {
  plan: Plan;
  results: readonly SpokeResultLike[];
  hub?: HubResultLike;
  now?: Date;
}): StatusDocument {
  const byKey = new Map(input.results.map((r) => [r.key, r]));
  const platforms: Record<string, PlatformStatus> = {};
  for (const spoke of input.plan.spokes) {
    const r = byKey.get(spoke.key);
    platforms[spoke.key] = {
      name: spoke.displayName,
      status: r?.status ?? 'failed',
      version: r?.version ?? input.plan.version.version,
      ...(r?.url ? { url: r.url } : {}),
      'duration-ms': r?.['duration-ms'] ?? 0,
      required: spoke.required,
      detail: r?.detail ?? 'no result was reported for this spoke (its job did not run to the end)',
    };
  }
  const doc: StatusDocument = {
    project: input.plan.project,
    version: input.plan.version.version,
    'generated-at': (input.now ?? new Date()).toISOString(),
    platforms,
    ...(input.plan.dryRun ? { 'dry-run': true } : {}),
  };
  if (input.hub) {
    const names = input.hub.assets.map((a) => a.name);
    doc.release = {
      status: input.hub.status,
      ...(input.hub.url ? { url: input.hub.url } : {}),
      tag: input.hub.tag,
      assets: input.hub.assets.map(({ name, size, sha256, url }) => ({ name, size, sha256, url })),
      detail: input.hub.detail,
      // Without the asset list (a workflow whose release job does not pass it on) these are
      // unknown, not "absent": leave them out rather than claim the release lacks checksums.
      ...(names.length > 0 ? supplyChainFacts(names) : {}),
    };
  }
  return doc;
}

/** Required platforms that failed: the only reason a release run exits non-zero. */
export function requiredFailures(doc: StatusDocument): string[] {
  const failed = Object.entries(doc.platforms).filter(([, p]) => p.required && p.status === 'failed').map(([k]) => k);
  if (doc.release?.status === 'failed') failed.unshift('github');
  return failed;
}
