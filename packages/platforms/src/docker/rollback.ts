import type { PlatformContext, PublishResult } from '../platform.js';
import { parseImageReference } from './image-reference.js';
import { versionTag } from './image-tags.js';
import { imageUrl } from './image-url.js';
import { RegistryPool } from './registry-pool.js';
import { getManifest, headManifest, putManifest } from './registry-operations.js';
import { rollbackTags } from './rollback-tags.js';

/**
 * Point `latest` (every literal tag) of every image back at the index of version `to`: GET its exact
 * bytes and PUT them under the tag. Nothing is rebuilt, so the digest is the one that release shipped.
 */
export async function rollbackDocker(ctx: PlatformContext, to: string): Promise<PublishResult> {
  const docker = ctx.config.platforms?.docker;
  if (!docker) return { status: 'failed', detail: 'docker is not configured' };
  const tags = rollbackTags(docker.tags);
  if (tags.length === 0) return { status: 'failed', detail: 'platforms.docker.tags has no floating tag (such as latest) to move' };
  const pool = new RegistryPool(ctx);
  const source = versionTag(to);
  const refs = docker.images.map((i) => parseImageReference(i));
  // Look everywhere before writing anywhere: a rollback that stops half-way is worse than none.
  const found = [];
  for (const ref of refs) {
    const manifest = await getManifest(pool.clientFor(ref), ref.repository, source);
    if (!manifest) return { status: 'failed', detail: `${ref.text}:${source} does not exist; nothing was moved` };
    found.push({ ref, manifest });
  }
  const moved: string[] = [];
  for (const { ref, manifest } of found) {
    const client = pool.clientFor(ref);
    for (const tag of tags) {
      const current = await headManifest(client, ref.repository, tag);
      if (current && manifest.digest && current.digest === manifest.digest) continue;
      if (ctx.dryRun) {
        moved.push(`${ref.text}:${tag}`);
        continue;
      }
      await putManifest(client, ref.repository, tag, manifest.mediaType, manifest.bytes);
      moved.push(`${ref.text}:${tag}`);
    }
  }
  const first = refs[0];
  const url = first ? { url: imageUrl(first, source) } : {};
  if (moved.length === 0) return { status: 'skipped', detail: `${tags.join(', ')} already point at ${to} everywhere`, ...url };
  if (ctx.dryRun) return { status: 'dry-run', detail: `would point ${moved.join(', ')} at ${to}`, ...url };
  return { status: 'published', detail: `pointed ${moved.join(', ')} at ${to}`, ...url };
}
