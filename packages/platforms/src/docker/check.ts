import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { assembleOnce } from './assemble-image.js';
import { planImage } from './image-plan.js';
import { versionTag } from './image-tags.js';
import { imageUrl } from './image-url.js';
import { RegistryPool } from './registry-pool.js';
import { tagName, tagStates } from './tag-states.js';

/**
 * Is this release's image there? Assemble it locally (deterministic, so the digest is the one publish
 * would push), then HEAD every tag of every image and compare digests. Tags are mutable, so "exists"
 * is not enough: the version tag holding another digest is `different`.
 */
export async function checkDocker(ctx: PlatformContext): Promise<Existence> {
  const plan = planImage(ctx);
  const pool = new RegistryPool(ctx);
  const image = await assembleOnce(ctx, plan, pool);
  const states = await tagStates(plan, image, pool, ctx.version.version);
  const first = plan.images[0];
  const url = first ? { url: imageUrl(first, versionTag(ctx.version.version)) } : {};

  const different = states.filter((s) => s.state === 'different');
  if (different.length > 0) {
    return {
      state: 'different',
      detail: `expected index ${image.index.digest}; ${different.map((s) => `${tagName(s)} is ${s.remote}`).join(', ')}`,
      ...url,
    };
  }
  const todo = states.filter((s) => s.state === 'missing' || s.state === 'stale');
  if (todo.length === 0) {
    const newer = states.filter((s) => s.state === 'newer');
    const note = newer.length ? `; left ${newer.map((s) => `${tagName(s)} on ${s.holder}`).join(', ')} (newer)` : '';
    return { state: 'identical', detail: `every tag is index ${image.index.digest}${note}`, ...url };
  }
  const partial = todo.length < states.length ? ` (partial: ${states.length - todo.length} of ${states.length} tags already there)` : '';
  return { state: 'absent', detail: `to push: ${todo.map(tagName).join(', ')}${partial}; index ${image.index.digest}` };
}
