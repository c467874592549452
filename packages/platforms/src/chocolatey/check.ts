import { createHash } from 'node:crypto';
import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { chocolateyPackage } from './chocolatey-package.js';
import { feedPackage } from './feed-client.js';
import { galleryUrl } from './feed-url.js';
import { buildNupkg } from './nupkg.js';
import { inModeration, type FeedPackage } from './odata-entry.js';
import { renderChocolatey } from './render.js';

/** Our .nupkg's digest in the algorithm the feed used (SHA512 everywhere in practice). */
export async function ourPackageHash(ctx: PlatformContext, algorithm = 'SHA512'): Promise<string> {
  const nupkg = await buildNupkg(renderChocolatey(ctx));
  const algo = algorithm.toLowerCase().replace(/-/g, '');
  if (!['sha512', 'sha256', 'sha1'].includes(algo)) throw new Error(`the feed hashes packages with ${algorithm}, which DeployForge does not know`);
  return createHash(algo).update(nupkg).digest('base64');
}

/** Compares the feed's entry for this version with the package this release renders. */
export async function compareWithFeed(ctx: PlatformContext, entry: FeedPackage): Promise<Existence> {
  const pkg = chocolateyPackage(ctx);
  const url = galleryUrl(ctx, pkg.id, pkg.version);
  const ours = entry.packageHash ? await ourPackageHash(ctx, entry.packageHashAlgorithm ?? 'SHA512') : undefined;
  const same = ours !== undefined && ours === entry.packageHash;
  const evidence = entry.packageHash
    ? `feed ${entry.packageHashAlgorithm ?? 'SHA512'} ${entry.packageHash.slice(0, 16)}…, ours ${ours?.slice(0, 16)}…`
    : 'the feed shows no PackageHash';
  if (inModeration(entry)) {
    return {
      state: 'pending',
      detail: `${pkg.id} ${pkg.version} is in moderation (${entry.packageStatus ?? 'not approved yet'}); a moderator must approve it (${same ? 'same package as this release' : evidence})`,
      url,
    };
  }
  if (same) return { state: 'identical', detail: `${pkg.id} ${pkg.version}: same package hash (${evidence})`, url };
  return { state: 'different', detail: `${pkg.id} ${pkg.version} on the feed is another package (${evidence})`, url };
}

/** OData `Packages(Id,Version)`: 404 is absent; otherwise compare PackageHash and moderation. */
export async function checkChocolatey(ctx: PlatformContext): Promise<Existence> {
  const pkg = chocolateyPackage(ctx);
  const entry = await feedPackage(ctx, pkg.id, pkg.version);
  if (!entry) return { state: 'absent', detail: `the feed has no ${pkg.id} ${pkg.version}` };
  return compareWithFeed(ctx, entry);
}
