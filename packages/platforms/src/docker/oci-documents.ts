import { createHash } from 'node:crypto';
import type { OciPlatform } from '@deployforge/targets';
import { OCI_CONFIG, OCI_INDEX, OCI_MANIFEST } from './oci-media-types.js';

/** A content descriptor (image-spec descriptor.md). */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: OciPlatform;
  annotations?: Record<string, string>;
}

/** A JSON document as the registry stores it: its exact bytes, their digest, and its media type. */
export interface Document {
  mediaType: string;
  bytes: Buffer;
  digest: string;
}

export const sha256Digest = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/**
 * Serialise once and keep the bytes: a digest names bytes, not a JSON value, so the same object must
 * never be stringified twice with a chance of different spacing or key order.
 */
export function toDocument(mediaType: string, value: unknown): Document {
  const bytes = Buffer.from(JSON.stringify(value), 'utf8');
  return { mediaType, bytes, digest: sha256Digest(bytes) };
}

export const describe = (doc: Document, extra: Partial<Descriptor> = {}): Descriptor => ({
  mediaType: doc.mediaType,
  digest: doc.digest,
  size: doc.bytes.length,
  ...extra,
});

/** What a base image contributes to the config: its settings, layers' diff_ids and history. */
export interface BaseConfig {
  config: Record<string, unknown>;
  diffIds: string[];
  history: unknown[];
}

export interface ImageConfigInput {
  platform: OciPlatform;
  created: string;
  entrypoint: string[];
  labels: Record<string, string>;
  /** sha256 of the *uncompressed* tar of our layer (image-spec config.md: diff_ids). */
  diffId: string;
  installPath: string;
  base?: BaseConfig;
}

/**
 * The image config (image-spec config.md). The base's settings (Env, User, WorkingDir…) are kept, as a
 * `FROM base` would; Entrypoint is ours, and the base's Cmd is dropped so it does not become arguments
 * of our binary.
 */
export function imageConfig(input: ImageConfigInput): Document {
  const inherited = { ...(input.base?.config ?? {}) };
  delete inherited.Cmd;
  delete inherited.Entrypoint;
  const baseLabels = (inherited.Labels as Record<string, string> | null | undefined) ?? {};
  delete inherited.Labels;
  const labels = { ...baseLabels, ...input.labels };
  const config: Record<string, unknown> = {
    ...(inherited.Env ? {} : { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] }),
    ...inherited,
    Entrypoint: input.entrypoint,
    Labels: Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))),
  };
  const value = {
    created: input.created,
    architecture: input.platform.architecture,
    os: input.platform.os,
    ...(input.platform.variant ? { variant: input.platform.variant } : {}),
    config,
    rootfs: { type: 'layers', diff_ids: [...(input.base?.diffIds ?? []), input.diffId] },
    history: [
      ...(input.base?.history ?? []),
      { created: input.created, created_by: `deployforge: COPY ${input.installPath}`, comment: 'deployforge' },
    ],
  };
  return toDocument(OCI_CONFIG, value);
}

/** One platform's manifest (image-spec manifest.md): config + base layers + our layer. */
export function imageManifest(config: Document, layers: readonly Descriptor[], annotations: Record<string, string>): Document {
  return toDocument(OCI_MANIFEST, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: describe(config),
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    annotations,
  });
}

/** The multi-arch index (image-spec image-index.md) that every tag points at. */
export function imageIndex(manifests: readonly { manifest: Document; platform: OciPlatform }[], annotations: Record<string, string>): Document {
  return toDocument(OCI_INDEX, {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: manifests.map((m) => describe(m.manifest, { platform: m.platform })),
    annotations,
  });
}
