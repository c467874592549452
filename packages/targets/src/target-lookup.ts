import { ConfigurationError, describeValue } from '@deployforge/diagnostics';
import { closest } from 'fastest-levenshtein';
import { TARGET_IDS, type TargetId } from './target-ids.js';
import type { TargetInfo, TargetOs } from './target-info.js';
import { TARGETS } from './target-table.js';

export function isTargetId(value: unknown): value is TargetId {
  return typeof value === 'string' && (TARGET_IDS as readonly string[]).includes(value);
}

/**
 * The row for `id`. Accepts any string because ids arrive from config files, flags and matrix
 * outputs; an unknown one is a user error, reported with the closest valid id.
 */
export function targetInfo(id: string, origin = 'target'): TargetInfo {
  if (isTargetId(id)) return TARGETS[id];
  const hint = typeof id === 'string' && id.length > 0 ? ` (did you mean "${closest(id, [...TARGET_IDS])}"?)` : '';
  throw ConfigurationError.forInput(
    origin,
    `unknown target ${describeValue(id)}${hint}; expected one of ${TARGET_IDS.join(', ')}`,
  );
}

/** Every target, in canonical order (the order of TARGET_IDS, which is the matrix order). */
export function allTargets(): TargetInfo[] {
  return TARGET_IDS.map((id) => TARGETS[id]);
}

/** The targets of one operating system, in canonical order: `targetsFor('windows')` for Scoop. */
export function targetsFor(os: TargetOs, among: readonly TargetId[] = TARGET_IDS): TargetInfo[] {
  return sortTargets(among).filter((t) => t.os === os);
}

/** Dedupe and order ids canonically, so output never depends on the order a user listed them. */
export function sortTargets(ids: readonly TargetId[]): TargetInfo[] {
  const wanted = new Set(ids);
  return TARGET_IDS.filter((id) => wanted.has(id)).map((id) => TARGETS[id]);
}
