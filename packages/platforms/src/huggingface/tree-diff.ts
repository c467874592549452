import { createHash } from 'node:crypto';
import type { RenderedFile } from '../platform.js';

/** Git's blob id of some bytes: sha1 of `blob <size>\0<bytes>`, what `git hash-object` prints. */
export function gitBlobId(contents: string | Uint8Array): string {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export interface TreeDiff {
  added: string[];
  changed: string[];
  removed: string[];
}

/** How the Space's tree differs from the folder, by blob id and executable bit. */
export function diffTree(remote: Map<string, { blob: string; mode: string }>, files: readonly RenderedFile[]): TreeDiff {
  const diff: TreeDiff = { added: [], changed: [], removed: [] };
  const local = new Set<string>();
  for (const file of files) {
    local.add(file.path);
    const theirs = remote.get(file.path);
    const mode = (file.mode ?? 0o644) & 0o111 ? '100755' : '100644';
    if (!theirs) diff.added.push(file.path);
    else if (theirs.blob !== gitBlobId(file.contents) || theirs.mode !== mode) diff.changed.push(file.path);
  }
  for (const path of remote.keys()) if (!local.has(path)) diff.removed.push(path);
  return diff;
}

export function describeTreeDiff(diff: TreeDiff): string {
  const part = (what: string, list: string[]) => (list.length ? `${list.length} ${what} (${list.slice(0, 3).join(', ')}${list.length > 3 ? ', …' : ''})` : '');
  return [part('to add', diff.added), part('to change', diff.changed), part('to delete', diff.removed)].filter(Boolean).join(', ');
}
