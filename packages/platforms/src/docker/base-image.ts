import type { OciPlatform } from '@deployforge/targets';
import type { ImageReference } from './image-reference.js';
import { isIndexType, ociLayerType } from './oci-media-types.js';
import type { BaseConfig, Descriptor } from './oci-documents.js';
import type { RegistryClient } from './registry-client.js';
import { getBlob, getManifest } from './registry-operations.js';

/** A base image's contribution for one platform: its config settings and its layers (left where they are). */
export interface BaseLayers {
  config: BaseConfig;
  layers: Descriptor[];
}

interface ManifestJson {
  mediaType?: string;
  manifests?: { digest: string; mediaType?: string; platform?: { os?: string; architecture?: string; variant?: string } }[];
  config?: { digest: string };
  layers?: { mediaType: string; digest: string; size: number }[];
}

function platformMatches(candidate: { os?: string; architecture?: string; variant?: string } | undefined, want: OciPlatform): boolean {
  if (!candidate || candidate.os !== want.os || candidate.architecture !== want.architecture) return false;
  // arm64 images are often published without a variant; accept those for v8.
  return !want.variant || !candidate.variant || candidate.variant === want.variant;
}

async function readStream(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks);
}

/**
 * Resolve the base image for one platform: index → the platform's manifest → its config (for Env,
 * User…, diff_ids and history) and its layer descriptors. Layer bytes are not downloaded here: publish
 * mounts or copies them only into registries that lack them.
 */
export async function fetchBaseLayers(client: RegistryClient, base: ImageReference, platform: OciPlatform): Promise<BaseLayers> {
  const reference = base.digest ?? base.tag ?? 'latest';
  const top = await getManifest(client, base.repository, reference);
  if (!top) throw new Error(`base image ${base.text} not found`);
  let manifest = JSON.parse(top.bytes.toString('utf8')) as ManifestJson;
  if (isIndexType(manifest.mediaType ?? top.mediaType)) {
    const entry = manifest.manifests?.find((m) => platformMatches(m.platform, platform));
    const name = `${platform.os}/${platform.architecture}${platform.variant ? `/${platform.variant}` : ''}`;
    if (!entry) throw new Error(`base image ${base.text} has no ${name} image`);
    const child = await getManifest(client, base.repository, entry.digest);
    if (!child) throw new Error(`base image ${base.text}: the ${name} manifest ${entry.digest} is missing`);
    manifest = JSON.parse(child.bytes.toString('utf8')) as ManifestJson;
  }
  if (!manifest.config || !manifest.layers) throw new Error(`base image ${base.text}: unsupported manifest (no config or layers)`);
  const configBytes = await readStream(await getBlob(client, base.repository, manifest.config.digest));
  const config = JSON.parse(configBytes.toString('utf8')) as { config?: Record<string, unknown>; rootfs?: { diff_ids?: string[] }; history?: unknown[] };
  return {
    config: { config: config.config ?? {}, diffIds: config.rootfs?.diff_ids ?? [], history: config.history ?? [] },
    layers: manifest.layers.map((l) => ({ mediaType: ociLayerType(l.mediaType), digest: l.digest, size: l.size })),
  };
}
