import type { PlatformContext, PublishResult } from '../platform.js';
import { assembleOnce, type AssembledImage, type AssembledPlatform } from './assemble-image.js';
import { boundedAll } from './bounded-all.js';
import { planImage } from './image-plan.js';
import { qualifiedRepository, type ImageReference } from './image-reference.js';
import { versionTag } from './image-tags.js';
import { imageUrl } from './image-url.js';
import type { Descriptor } from './oci-documents.js';
import { RegistryPool } from './registry-pool.js';
import { getBlob, headManifest, pushBlob, putManifest, type BlobPushResult, type BlobSource } from './registry-operations.js';
import { tagName, tagStates } from './tag-states.js';

/** Blob uploads in flight per image: enough to overlap two architectures, few enough for small runners. */
const BLOB_CONCURRENCY = 3;

interface BlobJob {
  descriptor: Pick<Descriptor, 'digest' | 'size'>;
  source: BlobSource;
  /** A repository on the same registry that has it: mount instead of upload. */
  mountFrom?: string;
}

function blobJobs(target: ImageReference, platform: AssembledPlatform, pool: RegistryPool, pushedOnRegistry: string | undefined): BlobJob[] {
  const jobs: BlobJob[] = platform.layers.map(({ descriptor, source }): BlobJob => {
    if (source.kind === 'file') {
      return { descriptor, source: { kind: 'file', path: source.path }, ...(pushedOnRegistry ? { mountFrom: pushedOnRegistry } : {}) };
    }
    const base = source.image;
    const sameRegistry = base.endpoint === target.endpoint;
    return {
      descriptor,
      source: { kind: 'stream', open: () => getBlob(pool.clientFor(base), base.repository, descriptor.digest) },
      ...(sameRegistry ? { mountFrom: base.repository } : pushedOnRegistry ? { mountFrom: pushedOnRegistry } : {}),
    };
  });
  jobs.push({
    descriptor: { digest: platform.config.digest, size: platform.config.bytes.length },
    source: { kind: 'bytes', bytes: platform.config.bytes },
    ...(pushedOnRegistry ? { mountFrom: pushedOnRegistry } : {}),
  });
  return jobs;
}

/**
 * Push the assembled image to every configured image reference: blobs (skip what is there, mount what
 * a sibling repository on the same registry has, upload the rest), each platform manifest by digest,
 * then the index under every tag that needs it. Each step looks before it writes, so a re-run after a
 * partial failure finishes the job and a re-run after success writes nothing.
 */
export async function publishDocker(ctx: PlatformContext): Promise<PublishResult> {
  const plan = planImage(ctx);
  const pool = new RegistryPool(ctx);
  const image: AssembledImage = await assembleOnce(ctx, plan, pool);
  const counts: Record<BlobPushResult, number> = { exists: 0, mounted: 0, uploaded: 0 };
  const pushedTo = new Map<string, string>();
  const states = await tagStates(plan, image, pool, ctx.version.version);
  // publishSpoke refuses `different` without force, but only when its check succeeded: look again here.
  const refused = states.filter((s) => s.state === 'different');
  if (refused.length > 0 && !ctx.force) {
    return { status: 'failed', detail: `${refused.map((s) => `${tagName(s)} is ${s.remote}`).join(', ')}, not ${image.index.digest}; pass force to replace` };
  }

  for (const ref of plan.images) {
    const client = pool.clientFor(ref);
    const refStates = states.filter((s) => s.image === ref);
    const needsPush = refStates.filter((s) => s.state === 'missing' || s.state === 'stale' || s.state === 'different');
    if (needsPush.length === 0) {
      ctx.log.info(`docker: ${ref.text} already has ${image.index.digest} on every tag`);
      continue;
    }
    await ctx.log.group(`docker: push ${ref.text}`, async () => {
      const jobs = image.platforms.flatMap((p) => blobJobs(ref, p, pool, pushedTo.get(ref.endpoint)));
      const unique = jobs.filter((j, i) => jobs.findIndex((k) => k.descriptor.digest === j.descriptor.digest) === i);
      const results = await boundedAll(unique, BLOB_CONCURRENCY, (j) => pushBlob(client, ref.repository, j.descriptor, j.source, j.mountFrom));
      for (const r of results) counts[r]++;
      for (const p of image.platforms) {
        if (!(await headManifest(client, ref.repository, p.manifest.digest))) {
          await putManifest(client, ref.repository, p.manifest.digest, p.manifest.mediaType, p.manifest.bytes);
        }
      }
      for (const s of needsPush) {
        if (s.state === 'different') ctx.log.warning(`docker: replacing ${tagName(s)} (was ${s.remote}): force`);
        await putManifest(client, ref.repository, s.tag, image.index.mediaType, image.index.bytes);
        ctx.log.info(`docker: ${tagName(s)} → ${image.index.digest}`);
      }
    });
    pushedTo.set(ref.endpoint, ref.repository);
  }

  const pushed = states.filter((s) => s.state === 'missing' || s.state === 'stale' || s.state === 'different');
  const kept = states.filter((s) => s.state === 'newer');
  const first = plan.images[0];
  const note = kept.length ? `; left ${kept.map((s) => `${tagName(s)} on ${s.holder}`).join(', ')} (newer release)` : '';
  return {
    status: pushed.length ? 'published' : 'skipped',
    ...(first ? { url: imageUrl(first, versionTag(ctx.version.version)) } : {}),
    // Every configured repository holds this digest now (pushed here or found there), so the
    // workflow attests and signs all of them; a re-attestation of one it already had is harmless.
    image: { digest: image.index.digest, repositories: plan.images.map(qualifiedRepository) },
    detail: pushed.length
      ? `pushed index ${image.index.digest} (${image.platforms.map((p) => `${p.platform.architecture}`).join(', ')}) as ${pushed.map(tagName).join(', ')}; blobs: ${counts.uploaded} uploaded, ${counts.mounted} mounted, ${counts.exists} already there${note}`
      : `every tag already points at ${image.index.digest}${note}`,
  };
}
