import type { AssembledImage } from './assemble-image.js';
import type { ImagePlan } from './image-plan.js';
import type { ImageReference } from './image-reference.js';
import { heldByNewer } from './floating-tags.js';
import type { RegistryPool } from './registry-pool.js';
import { headManifest } from './registry-operations.js';

/**
 * What one tag of one image needs: nothing (already our index, or a floating tag a newer release holds),
 * a push (missing, or a floating tag an older release holds), or a refusal (our version tag holds other
 * content: only force may replace it).
 */
export interface TagState {
  image: ImageReference;
  tag: string;
  floating: boolean;
  state: 'ours' | 'newer' | 'missing' | 'stale' | 'different';
  /** The digest found there, when there is one. */
  remote?: string;
  /** For `newer`: the version holding the tag. */
  holder?: string;
}

export async function tagStates(plan: ImagePlan, image: AssembledImage, pool: RegistryPool, version: string): Promise<TagState[]> {
  const out: TagState[] = [];
  for (const ref of plan.images) {
    const client = pool.clientFor(ref);
    for (const { tag, floating } of plan.tags) {
      const remote = await headManifest(client, ref.repository, tag);
      const base = { image: ref, tag, floating };
      if (!remote) {
        out.push({ ...base, state: 'missing' });
      } else if (remote.digest === image.index.digest) {
        out.push({ ...base, state: 'ours', remote: remote.digest });
      } else if (!floating) {
        out.push({ ...base, state: 'different', remote: remote.digest });
      } else {
        const holder = await heldByNewer(client, ref.repository, tag, version);
        out.push(holder ? { ...base, state: 'newer', remote: remote.digest, holder } : { ...base, state: 'stale', remote: remote.digest });
      }
    }
  }
  return out;
}

export const tagName = (t: TagState): string => `${t.image.text}:${t.tag}`;
