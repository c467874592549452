import type { Existence } from '../existence.js';
import { browseUrl, readRemoteBranch } from '../git-remote/index.js';
import type { PlatformContext } from '../platform.js';
import { renderHuggingface } from './render.js';
import { SPACE_BRANCH, spaceTarget } from './space-config.js';
import { describeTreeDiff, diffTree } from './tree-diff.js';

/**
 * A Space has no versions, only a tree: identical when its `main` holds exactly the folder's files
 * (same blobs, same executable bits, nothing extra); otherwise this release is not deployed there
 * yet (absent), with the differences as evidence.
 */
export async function checkHuggingface(ctx: PlatformContext): Promise<Existence> {
  const target = spaceTarget(ctx);
  const files = renderHuggingface(ctx);
  const snapshot = await readRemoteBranch(target, SPACE_BRANCH, `reading the Space ${target.remote.spec}`);
  const url = browseUrl(target.remote);
  if (!snapshot.commit) return { state: 'absent', detail: `the Space has no ${SPACE_BRANCH} branch yet`, url };
  const diff = diffTree(await snapshot.tree(), files);
  const changes = describeTreeDiff(diff);
  if (!changes) return { state: 'identical', detail: `the Space's ${SPACE_BRANCH} (${snapshot.commit.slice(0, 12)}) holds exactly the ${files.length} file(s) of the folder`, url };
  return { state: 'absent', detail: `the Space differs from the folder: ${changes}`, url };
}
