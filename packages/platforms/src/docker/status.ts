import type { LiveStatus, PlatformContext } from '../platform.js';
import { versionAt } from './floating-tags.js';
import { parseImageReference } from './image-reference.js';
import { imageUrl } from './image-url.js';
import { RegistryPool } from './registry-pool.js';
import { rollbackTags } from './rollback-tags.js';

/** The version the first image's `latest` (or first literal tag) carries in its version annotation. */
export async function statusDocker(ctx: PlatformContext): Promise<LiveStatus> {
  const docker = ctx.config.platforms?.docker;
  const first = docker?.images[0];
  if (!docker || !first) return { detail: 'docker is not configured' };
  const ref = parseImageReference(first);
  const tag = rollbackTags(docker.tags)[0] ?? 'latest';
  const found = await versionAt(new RegistryPool(ctx).clientFor(ref), ref.repository, tag);
  const url = imageUrl(ref, tag);
  if (!found) return { url, detail: `${ref.text}:${tag} does not exist` };
  if (!found.version) return { url, detail: `${ref.text}:${tag} (${found.digest ?? 'unknown digest'}) has no org.opencontainers.image.version annotation` };
  return { latest: found.version, url, detail: `${ref.text}:${tag} is ${found.version} (${found.digest ?? 'unknown digest'})` };
}
