import { Document, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import { pinnedVersionComment } from './pinned-actions.js';

/**
 * Workflow object → YAML text, byte-stable: keys in insertion order, no line folding (a long
 * `if:` stays on one line, readable and greppable), literal blocks for multi-line `run:`, a blank
 * line between jobs, and `# vX.Y.Z` after every pinned third-party `uses:` and, through
 * `ownVersion`, after DeployForge's own actions when they are pinned by SHA.
 */
export function serializeWorkflow(workflow: object, header: string, ownVersion?: (uses: string) => string | undefined): string {
  const doc = new Document(workflow);
  doc.commentBefore = header;
  visit(doc, {
    Pair(_, pair) {
      // `needs: [plan, release]` on one line reads as the edge list it is.
      if (isScalar(pair.key) && pair.key.value === 'needs' && isSeq(pair.value)) pair.value.flow = true;
      if (isScalar(pair.key) && pair.key.value === 'uses' && isScalar(pair.value) && typeof pair.value.value === 'string') {
        const version = pinnedVersionComment(pair.value.value) ?? ownVersion?.(pair.value.value);
        if (version) pair.value.comment = ` ${version}`;
      }
    },
  });
  if (isMap(doc.contents)) {
    for (const top of doc.contents.items) {
      if (!isPair(top) || !isScalar(top.key)) continue;
      // Top-level sections after the first and every job after the first start after a blank line.
      if (top !== doc.contents.items[0] && ['on', 'permissions', 'concurrency', 'jobs'].includes(String(top.key.value))) {
        top.key.spaceBefore = true;
      }
      if (top.key.value === 'jobs' && isMap(top.value)) {
        top.value.items.forEach((job, index) => {
          if (index > 0 && isPair(job) && isScalar(job.key)) job.key.spaceBefore = true;
        });
      }
    }
  }
  return doc.toString({ lineWidth: 0, indent: 2, indentSeq: true, blockQuote: 'literal', flowCollectionPadding: false });
}
