import { ConfigurationError } from '@deployforge/diagnostics';
import { binaryName, ociTargets, type OciPlatform, type TargetId } from '@deployforge/targets';
import type { PlatformContext, ReleaseAsset } from '../platform.js';
import { parseImageReference, type ImageReference } from './image-reference.js';
import { expandTags } from './image-tags.js';

/** One platform of the image: which release archive feeds it and where the binary goes. */
export interface PlannedPlatform {
  target: TargetId;
  platform: OciPlatform;
  /** The release archive (verified by sha256 when fetched). */
  asset: ReleaseAsset;
  /** File name of the binary inside the archive. */
  binary: string;
  /** Absolute path inside the image. */
  installPath: string;
}

/**
 * Everything about the image that follows from config + release without touching bytes: the pure half
 * of the docker spoke, rendered as `image-plan.json` and snapshot-tested. Layer digests need the
 * binaries, so they are computed later by `assembleImage`, deterministically from this plan.
 */
export interface ImagePlan {
  images: ImageReference[];
  tags: { tag: string; floating: boolean }[];
  /** `scratch`, or the base image reference. */
  base: string;
  platforms: PlannedPlatform[];
  entrypoint: string[];
  /** `org.opencontainers.image.*`, on the configs (labels) and on the manifests and index (annotations). */
  annotations: Record<string, string>;
  /** RFC 3339, fixed per release so that a re-run produces the same digests. */
  created: string;
}

const INSTALL_DIR = '/usr/local/bin';

/**
 * The image's creation time. Reproducible builds' SOURCE_DATE_EPOCH when the workflow sets it, else the
 * Unix epoch: a wall-clock time would change the config digest on every run, and a re-run would then
 * look like a different image (`different`) instead of the same one (`identical`).
 */
function createdAt(env: PlatformContext['env']): string {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw !== undefined && raw !== '') {
    if (!/^\d{1,12}$/.test(raw)) throw ConfigurationError.forInput('SOURCE_DATE_EPOCH', `expected seconds since 1970, got ${JSON.stringify(raw)}`);
    return new Date(Number(raw) * 1000).toISOString().replace('.000Z', 'Z');
  }
  return '1970-01-01T00:00:00Z';
}

export function planImage(ctx: PlatformContext): ImagePlan {
  const docker = ctx.config.platforms?.docker;
  if (!docker) throw ConfigurationError.forInput('platforms.docker', 'the docker platform is not configured');
  const project = ctx.config.project;
  const binary = ctx.config.build?.binary ?? project.name;
  const built = ctx.assets.flatMap((a) => (a.target ? [a.target] : []));
  const picked = ociTargets(built);
  if (picked.length === 0) {
    throw ConfigurationError.forInput('build.targets', `an image needs a Linux binary; the release has ${built.length ? built.join(', ') : 'no archives'}`);
  }
  const platforms = picked.map((info): PlannedPlatform => {
    const asset = ctx.assets.find((a) => a.target === info.id);
    if (!asset || !info.oci) throw new Error(`docker: no release archive for ${info.id}`);
    const file = binaryName(binary, info.id);
    return { target: info.id, platform: info.oci, asset, binary: file, installPath: `${INSTALL_DIR}/${file}` };
  });
  const repository = project.repository ?? ctx.env.GITHUB_REPOSITORY;
  const annotations: Record<string, string> = {
    'org.opencontainers.image.created': createdAt(ctx.env),
    'org.opencontainers.image.title': project.name,
    'org.opencontainers.image.version': ctx.version.version,
    // The release tag, not GITHUB_SHA: a selective redeploy runs on another commit, and the image of a
    // release must not change with the commit the workflow happened to run on.
    'org.opencontainers.image.revision': ctx.version.tag,
  };
  if (project.description) annotations['org.opencontainers.image.description'] = project.description;
  if (repository) annotations['org.opencontainers.image.source'] = `https://github.com/${repository}`;
  if (project.homepage) annotations['org.opencontainers.image.url'] = project.homepage;
  if (project.license) annotations['org.opencontainers.image.licenses'] = project.license;

  const first = platforms[0];
  return {
    images: docker.images.map((i) => parseImageReference(i)),
    tags: expandTags(docker.tags ?? ['{version}', 'latest'], ctx.version),
    base: docker.base ?? 'scratch',
    platforms,
    entrypoint: [first ? first.installPath : `${INSTALL_DIR}/${binary}`],
    annotations: Object.fromEntries(Object.entries(annotations).sort(([a], [b]) => a.localeCompare(b))),
    created: annotations['org.opencontainers.image.created'] ?? '1970-01-01T00:00:00Z',
  };
}
