import type { PlatformContext } from '../platform.js';

const DEFAULT_SOURCE = 'https://push.chocolatey.org/';

/**
 * The feed's root, from `platforms.chocolatey.source`: people write the site
 * (`https://push.chocolatey.org/`), the API (`…/api/v2/`) or the push URL (`…/api/v2/package`);
 * all three mean the same feed.
 */
export function feedRoot(ctx: PlatformContext): string {
  const source = ctx.config.platforms.chocolatey?.source ?? DEFAULT_SOURCE;
  return source.replace(/\/+$/, '').replace(/\/api\/v2(?:\/package)?$/i, '');
}

export const pushUrl = (ctx: PlatformContext): string => `${feedRoot(ctx)}/api/v2/package/`;

const odataString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export const entryUrl = (ctx: PlatformContext, id: string, version: string): string =>
  `${feedRoot(ctx)}/api/v2/Packages(Id=${encodeURIComponent(odataString(id))},Version=${encodeURIComponent(odataString(version))})`;

export const findByIdUrl = (ctx: PlatformContext, id: string): string =>
  `${feedRoot(ctx)}/api/v2/FindPackagesById()?id=${encodeURIComponent(odataString(id))}`;

/** Where a person looks at the package: the gallery page on chocolatey.org, the feed entry elsewhere. */
export function galleryUrl(ctx: PlatformContext, id: string, version: string): string {
  const root = feedRoot(ctx);
  if (/^https:\/\/push\.chocolatey\.org$/i.test(root)) return `https://community.chocolatey.org/packages/${encodeURIComponent(id)}/${encodeURIComponent(version)}`;
  return entryUrl(ctx, id, version);
}
