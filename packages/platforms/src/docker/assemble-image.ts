import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { OciPlatform, TargetId } from '@deployforge/targets';
import type { PlatformContext } from '../platform.js';
import { fetchBaseLayers } from './base-image.js';
import { extractBinary } from './extract-binary.js';
import { parseImageReference, type ImageReference } from './image-reference.js';
import type { ImagePlan } from './image-plan.js';
import { buildLayer } from './layer-tar.js';
import { imageConfig, imageIndex, imageManifest, type Descriptor, type Document } from './oci-documents.js';
import type { RegistryPool } from './registry-pool.js';

/** A layer of an assembled image and where its bytes are: our file, or the base image's registry. */
export type LayerSource = { kind: 'file'; path: string } | { kind: 'base'; image: ImageReference };

export interface AssembledPlatform {
  target: TargetId;
  platform: OciPlatform;
  config: Document;
  manifest: Document;
  layers: { descriptor: Descriptor; source: LayerSource }[];
}

/** The whole image, ready to push: every document's bytes and digest, and where each layer comes from. */
export interface AssembledImage {
  platforms: AssembledPlatform[];
  index: Document;
}

/**
 * Build the image from the plan: extract each binary from its verified release archive, write its
 * layer, resolve the base, and derive configs, manifests and the index. Every input is fixed by the
 * release (timestamps, owners, order), so the same release always gives the same index digest: that is
 * what lets check answer `identical` instead of `different` on a re-run.
 */
export async function assembleImage(ctx: PlatformContext, plan: ImagePlan, pool: RegistryPool): Promise<AssembledImage> {
  const base = plan.base === 'scratch' ? undefined : parseImageReference(plan.base, 'platforms.docker.base');
  if (base && !base.digest) {
    ctx.log.warning(`docker: base ${plan.base} is not pinned by digest; when the tag moves, the image of this release changes and re-runs report "different"`);
  }
  const layersDir = join(ctx.workDir, 'docker', 'layers');
  await mkdir(layersDir, { recursive: true });
  const platforms = await Promise.all(
    plan.platforms.map(async (p): Promise<AssembledPlatform> => {
      const archive = await ctx.fetchAsset(p.asset);
      const binary = await extractBinary(archive, p.binary, join(ctx.workDir, 'docker', 'bin', p.target));
      const layer = await buildLayer([{ path: p.installPath, source: binary, mode: 0o755 }], layersDir);
      const baseLayers = base ? await fetchBaseLayers(pool.clientFor(base), base, p.platform) : undefined;
      const config = imageConfig({
        platform: p.platform,
        created: plan.created,
        entrypoint: plan.entrypoint,
        labels: plan.annotations,
        diffId: layer.diffId,
        installPath: p.installPath,
        ...(baseLayers ? { base: baseLayers.config } : {}),
      });
      const layers = [
        ...(baseLayers && base ? baseLayers.layers.map((descriptor) => ({ descriptor, source: { kind: 'base' as const, image: base } })) : []),
        { descriptor: { mediaType: layer.mediaType, digest: layer.digest, size: layer.size }, source: { kind: 'file' as const, path: layer.path } },
      ];
      const manifest = imageManifest(config, layers.map((l) => l.descriptor), plan.annotations);
      return { target: p.target, platform: p.platform, config, manifest, layers };
    }),
  );
  return { platforms, index: imageIndex(platforms, plan.annotations) };
}

const assembled = new WeakMap<PlatformContext, Promise<AssembledImage>>();

/**
 * check and publish run on the same context one after the other: build the image once per context, so
 * publish pushes exactly the bytes whose digest check compared.
 */
export function assembleOnce(ctx: PlatformContext, plan: ImagePlan, pool: RegistryPool): Promise<AssembledImage> {
  let image = assembled.get(ctx);
  if (!image) {
    image = assembleImage(ctx, plan, pool);
    assembled.set(ctx, image);
    // A failed build must not be cached: a retry on the same context builds again.
    image.catch(() => assembled.delete(ctx));
  }
  return image;
}
