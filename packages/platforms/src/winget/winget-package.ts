import type { PlatformContext } from '../platform.js';

export const MANIFEST_VERSION = '1.10.0';
export const DEFAULT_UPSTREAM = 'microsoft/winget-pkgs';

export interface WingetInstaller {
  architecture: 'x64' | 'arm64';
  url: string;
  /** Uppercase hex, as winget-pkgs' validation pipeline writes it. */
  sha256: string;
}

/** Everything the three manifests are written from. */
export interface WingetPackage {
  identifier: string;
  version: string;
  publisher: string;
  publisherUrl?: string;
  name: string;
  packageUrl?: string;
  license: string;
  licenseUrl?: string;
  shortDescription: string;
  releaseNotesUrl?: string;
  binary: string;
  installers: WingetInstaller[];
}

/** `manifests/a/Acme/HelloForge` for `Acme.HelloForge`: each dot of the id is a folder level. */
export function packageFolder(identifier: string): string {
  return `manifests/${identifier.charAt(0).toLowerCase()}/${identifier.split('.').join('/')}`;
}

export const versionFolder = (p: Pick<WingetPackage, 'identifier' | 'version'>): string => `${packageFolder(p.identifier)}/${p.version}`;

/** The branch a version's pull request comes from, in the fork. */
export const branchName = (p: Pick<WingetPackage, 'identifier' | 'version'>): string => `deployforge/${p.identifier}-${p.version}`;

/** winget-pkgs' own title convention, which moderators and their bots key on. */
export const pullTitle = (p: Pick<WingetPackage, 'identifier' | 'version'>): string => `New version: ${p.identifier} version ${p.version}`;

export function wingetSettings(ctx: PlatformContext): { identifier: string; upstream: string; fork?: string } {
  const w = ctx.config.platforms.winget;
  if (!w?.['package-id']) throw new Error('platforms.winget.package-id is not set (e.g. Acme.HelloForge)');
  return { identifier: w['package-id'], upstream: w.upstream ?? DEFAULT_UPSTREAM, ...(w.fork ? { fork: w.fork } : {}) };
}

/** The package model for this release. Pure. */
export function wingetPackage(ctx: PlatformContext): WingetPackage {
  const { project, build } = ctx.config;
  const { identifier } = wingetSettings(ctx);
  const installers: WingetInstaller[] = [];
  for (const [target, architecture] of [['windows-x64', 'x64'], ['windows-arm64', 'arm64']] as const) {
    if (!build.targets.includes(target)) continue;
    const asset = ctx.assets.find((a) => a.target === target);
    if (!asset) throw new Error(`the release has no archive for ${target}, which the Winget manifest needs`);
    installers.push({ architecture, url: asset.url, sha256: asset.sha256.toUpperCase() });
  }
  if (installers.length === 0) throw new Error('no Windows target is built, so there is nothing to submit to Winget');
  const repoUrl = project.repository ? `https://github.com/${project.repository}` : undefined;
  const owner = project.repository?.split('/')[0];
  const maintainer = project.maintainer?.replace(/\s*<[^>]*>\s*$/, '').trim();
  const license = project.license ?? 'Proprietary';
  // Only point at a license file the project ships (build.files), never at a guessed URL that may 404.
  const licenseFile = (build.files ?? []).find((f) => /^(?:LICEN[CS]E|COPYING)(?:\.[A-Za-z0-9]+)?$/i.test(f));
  return {
    identifier,
    version: ctx.version.version,
    publisher: maintainer || identifier.split('.')[0] || identifier,
    ...(owner ? { publisherUrl: `https://github.com/${owner}` } : {}),
    name: project.name,
    ...((project.homepage ?? repoUrl) ? { packageUrl: project.homepage ?? repoUrl } : {}),
    license,
    ...(repoUrl && licenseFile ? { licenseUrl: `${repoUrl}/blob/HEAD/${licenseFile}` } : {}),
    ...(repoUrl ? { releaseNotesUrl: `${repoUrl}/releases/tag/${encodeURIComponent(ctx.version.tag)}` } : {}),
    shortDescription: (project.description ?? project.name).slice(0, 256),
    binary: build.binary ?? project.name,
    installers,
  };
}
