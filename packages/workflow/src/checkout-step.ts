import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import type { Step } from './workflow-types.js';

/**
 * Check out the release's tag. `persist-credentials: false` because no job pushes to this
 * repository: a token left in .git/config would be readable by every later step, including the
 * user's build command and third-party code it runs.
 */
export function checkoutStep(ref: string, name = 'Check out the release tag'): Step {
  return {
    name,
    uses: pinnedUses(PINNED_ACTIONS.checkout),
    with: { ref, 'persist-credentials': false },
  };
}
