import { ConfigurationError } from '@deployforge/diagnostics';
import { aurTargets, type TargetInfo } from '@deployforge/targets';
import type { PlatformContext } from '../platform.js';

/** Flatpak's own architecture names; the same words pacman uses, so the target table's `aur` column. */
export type FlatpakArch = 'x86_64' | 'aarch64';

/** The freedesktop runtime the binary runs on (glibc); 25.08 is the current branch, supported into 2027. */
export const RUNTIME = 'org.freedesktop.Platform';
export const RUNTIME_VERSION = '25.08';
export const SDK = 'org.freedesktop.Sdk';
/** Flathub's application id rules: reverse DNS, at least three parts, no leading digits in a part. */
const APP_ID = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*){2,}$/;

export interface FlathubSettings {
  appId: string;
  /** `owner/name` of the manifest repository. */
  owner: string;
  repo: string;
  binary: string;
  projectName: string;
  /** The project's GitHub repository, for the update bot's release feed. */
  projectRepository?: string;
  /** What precedes the version in tags, for the update bot's version query. */
  tagPrefix: string;
  /** One Linux target per arch (glibc preferred: the freedesktop runtime is glibc). */
  targets: (TargetInfo & { aur: FlatpakArch })[];
  /** The manifest file name in the repository: `<app-id>.yml`. */
  manifestPath: string;
  /** The branch our update is proposed from. */
  branch: string;
  /** The user's own AppStream metainfo file (`platforms.flathub.metainfo`), used instead of ours. */
  metainfo?: string;
}

export function flathubSettings(ctx: PlatformContext): FlathubSettings {
  const block = ctx.config.platforms?.flathub;
  if (!block) throw new ConfigurationError('platforms.flathub is not configured');
  const appId = block['app-id'];
  if (!APP_ID.test(appId) || appId.length > 255) {
    throw ConfigurationError.forInput('platforms.flathub.app-id', `${JSON.stringify(appId)} is not a Flatpak application id (reverse DNS like io.github.acme.Tool, at least three parts)`);
  }
  const repository = block.repository ?? `flathub/${appId}`;
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0) {
    throw ConfigurationError.forInput('platforms.flathub.repository', `expected owner/name, got ${JSON.stringify(repository)}`);
  }
  const targets = aurTargets(ctx.config.build?.targets ?? []).filter((t): t is FlathubSettings['targets'][number] => t.aur !== undefined);
  if (targets.length === 0) throw ConfigurationError.forInput('build.targets', 'Flathub needs at least one Linux target (linux-x64 or linux-arm64)');
  return {
    appId,
    owner,
    repo,
    binary: ctx.config.build?.binary ?? ctx.config.project.name,
    projectName: ctx.config.project.name,
    ...(ctx.config.project.repository ? { projectRepository: ctx.config.project.repository } : {}),
    tagPrefix: ctx.config.version?.['tag-prefix'] ?? 'v',
    targets,
    manifestPath: `${appId}.yml`,
    branch: `deployforge/${ctx.version.version}`,
    ...(block.metainfo ? { metainfo: block.metainfo } : {}),
  };
}
