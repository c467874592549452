import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { matchesFilterList } from './tag-filter.js';
import { pairOf, startOf, valueOf, type WorkflowFile } from './workflow-file.js';

/** How a workflow reacts to tags and releases, as far as doctor cares. */
export interface ReleaseTriggers {
  /** Whether a pushed tag starts this workflow; undefined when no push trigger covers tags. */
  firesOnTag?: (tag: string) => boolean;
  /** The patterns, for probing overlaps (empty when every tag fires). */
  tagPatterns: string[];
  /** Where the tag trigger is written. */
  tagOffset: number;
  /** Any trigger that runs on a release being cut: tag pushes, `release`, `create`. */
  isReleaseWorkflow: boolean;
}

function stringList(node: Node | undefined): string[] | undefined {
  if (node === undefined) return undefined;
  if (isScalar(node)) return [String(node.value)];
  if (isSeq(node)) return node.items.filter(isScalar).map((s) => String(s.value));
  return undefined;
}

/**
 * Read `on:` in its three shapes (`on: push`, `on: [push, release]`, a mapping). Tag filters
 * follow GitHub: `tags`/`tags-ignore` filter tags; a push trigger with only branch filters never
 * fires on tags; a push trigger with neither fires on every tag (path filters do not apply to tags).
 */
export function releaseTriggers(file: WorkflowFile): ReleaseTriggers {
  const onPair = pairOf(file.doc.contents, 'on');
  const on = onPair?.value as Node | undefined;
  const none: ReleaseTriggers = { tagPatterns: [], tagOffset: startOf(onPair?.key as Node | undefined), isReleaseWorkflow: false };
  if (on === undefined) return none;

  const names = isMap(on) ? on.items.map((p) => String((p.key as { value?: unknown } | null)?.value)) : stringList(on) ?? [];
  const other = names.includes('release') || names.includes('create');
  if (!names.includes('push')) return { ...none, isReleaseWorkflow: other };

  const push = isMap(on) ? valueOf(on, 'push') : undefined;
  const tagsPair = pairOf(push, 'tags');
  const tags = stringList(tagsPair?.value as Node | undefined);
  const ignorePair = pairOf(push, 'tags-ignore');
  const ignore = stringList(ignorePair?.value as Node | undefined);
  const branchFiltered = pairOf(push, 'branches') !== undefined || pairOf(push, 'branches-ignore') !== undefined;
  const where = startOf((tagsPair?.key ?? ignorePair?.key ?? pairOf(on, 'push')?.key ?? onPair?.key) as Node | undefined);

  if (tags !== undefined) {
    return { firesOnTag: (t) => matchesFilterList(t, tags), tagPatterns: tags, tagOffset: where, isReleaseWorkflow: true };
  }
  if (ignore !== undefined) {
    return { firesOnTag: (t) => !matchesFilterList(t, ignore), tagPatterns: [], tagOffset: where, isReleaseWorkflow: true };
  }
  if (branchFiltered) return { ...none, isReleaseWorkflow: other };
  return { firesOnTag: () => true, tagPatterns: [], tagOffset: where, isReleaseWorkflow: true };
}
