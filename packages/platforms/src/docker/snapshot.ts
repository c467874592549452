import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { SnapshotGapError } from '../snapshot-gap-error.js';
import { assembleImage } from './assemble-image.js';
import { planImage } from './image-plan.js';
import { RegistryPool } from './registry-pool.js';

/** Where a blob lives in an OCI image layout (image-spec image-layout.md). */
const blobPath = (root: string, digest: string) => join(root, 'blobs', ...digest.split(':'));

/**
 * The image publish would push, as an OCI layout directory (`image/`: oci-layout, index.json,
 * blobs/sha256/…) that `skopeo copy oci:image docker://…` or `podman load` read. Offline only: a
 * base image other than `scratch` lives in a registry, and a snapshot never asks one.
 */
export async function snapshotDocker(ctx: PlatformContext, _files: readonly RenderedFile[], outDir: string): Promise<string[]> {
  const plan = planImage(ctx);
  if (plan.base !== 'scratch') {
    throw new SnapshotGapError(`the image is not assembled: its base ${plan.base} lives in a registry, and a snapshot reaches none (a scratch-based image is assembled offline); the image plan is kept`);
  }
  const image = await assembleImage(ctx, plan, new RegistryPool(ctx));
  const root = join(outDir, 'image');
  await mkdir(join(root, 'blobs', 'sha256'), { recursive: true });
  const documents = [image.index, ...image.platforms.flatMap((p) => [p.manifest, p.config])];
  for (const doc of documents) await writeFile(blobPath(root, doc.digest), doc.bytes);
  for (const p of image.platforms) {
    for (const layer of p.layers) {
      if (layer.source.kind === 'file') await copyFile(layer.source.path, blobPath(root, layer.descriptor.digest));
    }
  }
  await writeFile(join(root, 'oci-layout'), `${JSON.stringify({ imageLayoutVersion: '1.0.0' })}\n`);
  const index = { schemaVersion: 2, manifests: [{ mediaType: image.index.mediaType, digest: image.index.digest, size: image.index.bytes.length }] };
  await writeFile(join(root, 'index.json'), `${JSON.stringify(index)}\n`);
  return ['image/'];
}
