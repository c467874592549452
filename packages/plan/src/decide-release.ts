import type { Existence } from '@deployforge/catalog';
import type { JobDecision } from './plan-types.js';

/**
 * Whether the hub (and therefore the build) must run. A complete, published release with every
 * expected asset is the one case to skip both: that is what makes selective redeploys rebuild-free.
 * `different` or `unknown` still runs the hub, which converges or fails with the exact asset named.
 */
export function decideRelease(existence: Existence | undefined, force: boolean): JobDecision & { existence?: Existence } {
  const base = existence ? { existence } : {};
  if (existence?.state === 'identical' && !force) {
    return { ...base, run: false, reason: 'already-published', detail: 'the release is published and complete; spokes use its assets' };
  }
  if (existence?.state === 'identical' && force) {
    return { ...base, run: true, reason: 'forced', detail: 'force: the hub re-verifies every asset' };
  }
  const detail = existence === undefined
    ? 'release state not checked; the hub finds or creates it'
    : existence.state === 'absent' ? 'no release for this tag yet' : `release exists but is ${existence.state}${existence.detail ? `: ${existence.detail}` : ''}`;
  return { ...base, run: true, reason: 'needed', detail };
}

export function decideBuild(release: JobDecision, artifactsProvided: boolean): JobDecision {
  if (!release.run) return { run: false, reason: 'already-published', detail: 'the release already has every archive' };
  if (artifactsProvided) return { run: false, reason: 'artifacts-provided', detail: 'prebuilt archives were provided' };
  return { run: true, reason: 'needed', detail: 'the hub needs an archive per target' };
}
