import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { compareWithFeed } from './check.js';
import { chocolateyPackage } from './chocolatey-package.js';
import { feedPackage, pushNupkg } from './feed-client.js';
import { galleryUrl, pushUrl } from './feed-url.js';
import { buildNupkg, nupkgFileName } from './nupkg.js';

const MODERATION = /moderat|submitted|awaiting|approv|review/i;

/**
 * Push the .nupkg. A duplicate (409) is looked up again: the same package is a skip, a version
 * waiting for a moderator is needs-human, another package under that version is a failure.
 */
export async function publishChocolatey(ctx: PlatformContext, files: RenderedFile[]): Promise<PublishResult> {
  const pkg = chocolateyPackage(ctx);
  const url = galleryUrl(ctx, pkg.id, pkg.version);
  const nupkg = await buildNupkg(files);
  const answer = await pushNupkg(ctx, nupkg, nupkgFileName(pkg.id, pkg.version));
  const said = answer.body.replace(/\s+/g, ' ').trim().slice(0, 300);
  if (answer.status >= 200 && answer.status < 300) {
    return { status: 'published', detail: `pushed ${nupkgFileName(pkg.id, pkg.version)} to ${pushUrl(ctx)} (${answer.status}); community packages then go through moderation`, url };
  }
  if (answer.status === 409) {
    const entry = await feedPackage(ctx, pkg.id, pkg.version);
    if (!entry) return { status: 'needs-human', detail: `the feed answered 409 (${said || 'conflict'}) but shows no ${pkg.id} ${pkg.version}: it is most likely in moderation`, url };
    const existence = await compareWithFeed(ctx, entry);
    if (existence.state === 'identical') return { status: 'skipped', detail: `already on the feed: ${existence.detail ?? ''}`, url };
    if (existence.state === 'pending') return { status: 'needs-human', detail: existence.detail ?? 'in moderation', url };
    return { status: 'failed', detail: `the feed already has ${pkg.id} ${pkg.version} with other content and never replaces a version: ${existence.detail ?? ''}`, url };
  }
  if (answer.status === 403 && MODERATION.test(said)) {
    return { status: 'needs-human', detail: `the feed holds ${pkg.id} ${pkg.version} for moderation: ${said}`, url };
  }
  if (answer.status === 401 || answer.status === 403) {
    return { status: 'failed', detail: `the feed refused CHOCOLATEY_API_KEY (${answer.status}${said ? `: ${said}` : ''}); check the key and that it may push ${pkg.id}` };
  }
  return { status: 'failed', detail: `pushing to ${pushUrl(ctx)} answered ${answer.status}${said ? `: ${said}` : ''}` };
}
