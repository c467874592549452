import type { PlatformContext, RenderedFile } from '../platform.js';
import { planImage, type ImagePlan } from './image-plan.js';

/** The plan as a reviewer reads it: no digests of bytes (those need the binaries), everything else. */
export function describePlan(plan: ImagePlan): unknown {
  return {
    images: plan.images.map((i) => ({ reference: i.text, endpoint: i.endpoint, repository: i.repository })),
    tags: plan.tags.map((t) => t.tag),
    base: plan.base,
    entrypoint: plan.entrypoint,
    created: plan.created,
    platforms: plan.platforms.map((p) => ({
      platform: `${p.platform.os}/${p.platform.architecture}${p.platform.variant ? `/${p.platform.variant}` : ''}`,
      target: p.target,
      archive: p.asset.name,
      sha256: p.asset.sha256,
      binary: p.binary,
      path: p.installPath,
    })),
    annotations: plan.annotations,
  };
}

/**
 * Pure: the image plan (images, tags, platforms and the archives feeding them, entrypoint, labels) as
 * `docker/image-plan.json`. The layers, configs and manifests are derived from it deterministically by
 * publish; a dry run shows this file.
 */
export function renderDocker(ctx: PlatformContext): RenderedFile[] {
  return [{ path: 'docker/image-plan.json', contents: `${JSON.stringify(describePlan(planImage(ctx)), null, 2)}\n` }];
}
