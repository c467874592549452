import { TARGETS } from '@deployforge/targets';
import type { PlatformContext, ReleaseAsset } from '../platform.js';
import { toNugetVersion } from './nuget-version.js';

/** One Windows archive the install script can download. */
export interface ChocolateyDownload {
  arch: 'x64' | 'arm64';
  url: string;
  sha256: string;
}

/** Everything the nuspec and the install script are written from. */
export interface ChocolateyPackage {
  id: string;
  version: string;
  title: string;
  authors: string;
  projectUrl?: string;
  licenseUrl?: string;
  packageSourceUrl?: string;
  projectSourceUrl?: string;
  description: string;
  summary: string;
  tags: string;
  binary: string;
  downloads: ChocolateyDownload[];
}

const SIMPLE_SPDX = /^[A-Za-z0-9.+-]+$/;

function windowsAsset(assets: readonly ReleaseAsset[], target: string): ReleaseAsset | undefined {
  return assets.find((a) => a.target === target);
}

/** The person or organisation shown as author: the maintainer's name, else the repository owner. */
function authorsOf(ctx: PlatformContext): string {
  const maintainer = ctx.config.project.maintainer?.replace(/\s*<[^>]*>\s*$/, '').trim();
  if (maintainer) return maintainer;
  return ctx.config.project.repository?.split('/')[0] ?? ctx.config.project.name;
}

/** The package model for this release. Pure. */
export function chocolateyPackage(ctx: PlatformContext): ChocolateyPackage {
  const { project, build } = ctx.config;
  const downloads: ChocolateyDownload[] = [];
  for (const target of ['windows-x64', 'windows-arm64'] as const) {
    if (!build.targets.includes(target)) continue;
    const asset = windowsAsset(ctx.assets, target);
    if (!asset) throw new Error(`the release has no archive for ${target}, which the Chocolatey package needs`);
    downloads.push({ arch: TARGETS[target].arch, url: asset.url, sha256: asset.sha256 });
  }
  if (downloads.length === 0) throw new Error('no Windows target is built, so there is nothing to package for Chocolatey');
  const repoUrl = project.repository ? `https://github.com/${project.repository}` : undefined;
  const description = project.description ?? project.name;
  return {
    id: ctx.config.platforms.chocolatey?.package ?? project.name,
    version: toNugetVersion(ctx.version.version),
    title: project.name,
    authors: authorsOf(ctx),
    ...((project.homepage ?? repoUrl) ? { projectUrl: project.homepage ?? repoUrl } : {}),
    ...(project.license && SIMPLE_SPDX.test(project.license) ? { licenseUrl: `https://spdx.org/licenses/${project.license}.html` } : {}),
    ...(repoUrl ? { packageSourceUrl: repoUrl, projectSourceUrl: repoUrl } : {}),
    description,
    summary: description,
    // Chocolatey tags are space separated and may not contain spaces themselves.
    tags: [project.name.toLowerCase().replace(/[^a-z0-9.-]/g, '-'), 'cli', 'portable'].join(' '),
    binary: build.binary ?? project.name,
    downloads,
  };
}
