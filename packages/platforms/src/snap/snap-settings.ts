import { ConfigurationError } from '@deployforge/diagnostics';
import { snapTargets, type TargetInfo } from '@deployforge/targets';
import type { PlatformContext } from '../platform.js';

/**
 * Store rules for names and versions (snapd's own validation; snapcraft's JSON schema only carries
 * the lengths, which the tests check against it). Checked before building anything, so a bad name
 * fails with the config key instead of a store rejection after an upload.
 */
export const SNAP_NAME_PATTERN = /^(?=.*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SNAP_NAME_MAX = 40;
export const SNAP_VERSION_PATTERN = /^[a-zA-Z0-9](?:[a-zA-Z0-9:.+~-]{0,30}[a-zA-Z0-9+~])?$/;
export const SNAP_VERSION_MAX = 32;
export const SNAP_SUMMARY_MAX = 78;
/** The base snap whose runtime the binary runs on: glibc 2.35, the oldest base still supported. */
export const SNAP_BASE = 'core22';

export interface SnapSettings {
  name: string;
  binary: string;
  version: string;
  summary: string;
  description: string;
  confinement: 'strict' | 'classic' | 'devmode';
  grade: 'stable' | 'devel';
  channels: string[];
  /** One Linux target per snap architecture (gnu preferred). */
  targets: (TargetInfo & { snap: 'amd64' | 'arm64' })[];
}

/** Everything the snap spoke needs, read once from the config and validated with the config key in each message. */
export function snapSettings(ctx: PlatformContext): SnapSettings {
  const block = ctx.config.platforms?.snap;
  if (!block) throw new ConfigurationError('platforms.snap is not configured');
  const project = ctx.config.project;
  const name = block.name ?? project.name;
  if (name.length > SNAP_NAME_MAX || !SNAP_NAME_PATTERN.test(name)) {
    throw ConfigurationError.forInput('platforms.snap.name', `snap name ${JSON.stringify(name)} is not valid: lower-case letters, digits and single hyphens, at least one letter, at most ${SNAP_NAME_MAX} characters`);
  }
  const version = ctx.version.version;
  if (version.length > SNAP_VERSION_MAX || !SNAP_VERSION_PATTERN.test(version)) {
    throw ConfigurationError.forInput('version', `version ${JSON.stringify(version)} is not a valid snap version (at most ${SNAP_VERSION_MAX} characters of letters, digits and ":.+~-", starting with a letter or digit)`);
  }
  const channels = (Array.isArray(block.channel) ? block.channel : [block.channel ?? 'stable']).map((c) => c.trim());
  const grade = block.grade ?? 'stable';
  if (grade === 'devel' && channels.some((c) => /(?:^|\/)(?:stable|candidate)(?:\/|$)/.test(c))) {
    throw ConfigurationError.forInput('platforms.snap.grade', `grade devel snaps cannot be released to ${channels.join(', ')}: the store only takes them on beta or edge`);
  }
  const targets = snapTargets(ctx.config.build?.targets ?? []).filter((t): t is SnapSettings['targets'][number] => t.snap !== undefined);
  if (targets.length === 0) {
    throw ConfigurationError.forInput('build.targets', 'the snap spoke needs at least one Linux target (linux-x64 or linux-arm64, gnu or musl)');
  }
  const description = (project.description ?? `${name}, released with DeployForge`).trim();
  return {
    name,
    binary: ctx.config.build?.binary ?? project.name,
    version,
    summary: summaryOf(description),
    description,
    confinement: block.confinement ?? 'strict',
    grade,
    channels,
    targets,
  };
}

/** The first line, cut on a word boundary to the store's 78 characters. */
function summaryOf(description: string): string {
  const line = description.split('\n')[0]!.trim();
  if (line.length <= SNAP_SUMMARY_MAX) return line;
  const cut = line.slice(0, SNAP_SUMMARY_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
