import type { PlatformContext, RenderedFile } from '../platform.js';
import { debControl, debFileName } from './deb-package.js';
import { packageSettings } from './package-settings.js';
import { rpmSummary } from './rpm-package.js';
import { apkInfoPreview } from './apk-package.js';

/**
 * Pure: the metadata of every package, before anything is built (the sizes and digests come with
 * the build). Dry runs and snapshots show these; publish builds the packages themselves.
 */
export function renderLinuxPackages(ctx: PlatformContext): RenderedFile[] {
  const settings = packageSettings(ctx);
  return settings.jobs.map((job) => {
    switch (job.format) {
      case 'deb': return { path: `deb/${debFileName(settings, job.arch)}.control`, contents: debControl(settings, job.arch) };
      case 'rpm': return { path: `rpm/${job.arch}.spec-summary`, contents: rpmSummary(settings, job.arch) };
      case 'apk': return { path: `apk/${job.arch}/.PKGINFO`, contents: apkInfoPreview(settings, job.arch) };
    }
  });
}
