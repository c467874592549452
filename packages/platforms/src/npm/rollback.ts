import type { PlatformContext, PublishResult } from '../platform.js';
import { packagePageUrl, registryEndpoint, resolveNpmSettings, type NpmFlavor } from './npm-settings.js';
import { mapBounded, PACK_CONCURRENCY } from './pack-packages.js';
import { packagesInPublishOrder, planNpmPackages } from './package-plan.js';
import { getPackument, putDistTag } from './registry-client.js';

/**
 * Move `latest` back to `to` (`npm dist-tag add <pkg>@<to> latest`) on the main package and on
 * every per-target package that has that version, so `npm view` agrees everywhere. The main
 * package decides what users get; its optionalDependencies pin the exact per-target versions.
 * Refuses a version the main package never had; a tag already there is left alone (no write).
 */
export async function rollbackNpm(ctx: PlatformContext, flavor: NpmFlavor, to: string): Promise<PublishResult> {
  const settings = resolveNpmSettings(ctx, flavor);
  const endpoint = registryEndpoint(ctx, settings);
  const main = await getPackument(endpoint, settings.packageName);
  if (!main?.versions?.[to]) {
    return { status: 'failed', detail: `${settings.packageName}@${to} is not on ${settings.registry}: nothing to roll back to` };
  }
  const names = packagesInPublishOrder(planNpmPackages(ctx, settings)).map((p) => p.name);
  const moved = await mapBounded(names, PACK_CONCURRENCY, async (name) => {
    const packument = name === settings.packageName ? main : await getPackument(endpoint, name);
    if (!packument?.versions?.[to] || packument['dist-tags']?.latest === to) return false;
    await putDistTag(endpoint, name, 'latest', to);
    return true;
  });
  const count = moved.filter(Boolean).length;
  const url = packagePageUrl(settings, settings.packageName, to);
  return count === 0
    ? { status: 'skipped', url, detail: `latest already points at ${to}` }
    : { status: 'published', url, detail: `moved dist-tag latest to ${to} on ${count} package(s)` };
}
