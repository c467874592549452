import { errorMessage } from '@deployforge/diagnostics';
import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { comparePublished } from './compare-published.js';
import { resolveNpmSettings, packagePageUrl, registryEndpoint, type NpmFlavor } from './npm-settings.js';
import { mapBounded, packNpmPackages, PACK_CONCURRENCY } from './pack-packages.js';
import { packagesInPublishOrder, planNpmPackages } from './package-plan.js';
import { getPackument, type Packument } from './registry-client.js';
import { renderNpmFiles } from './render.js';

/**
 * Is this version on the registry, for the main package and every per-target package?
 * Packuments first (cheap); tarballs are packed only when some version exists, to compare
 * integrity. Any package burned → burned; any different → different; all identical → identical;
 * none or some published (an interrupted run) → absent, and publish fills in the rest.
 */
export async function checkNpm(ctx: PlatformContext, flavor: NpmFlavor): Promise<Existence> {
  const settings = resolveNpmSettings(ctx, flavor);
  const plan = planNpmPackages(ctx, settings);
  const endpoint = registryEndpoint(ctx, settings);
  const version = ctx.version.version;
  const packages = packagesInPublishOrder(plan);
  const url = packagePageUrl(settings, plan.main.name, version);

  let packuments: (Packument | undefined)[];
  try {
    packuments = await mapBounded(packages, PACK_CONCURRENCY, (p) => getPackument(endpoint, p.name));
  } catch (error) {
    return { state: 'unknown', detail: `could not read the packuments on ${settings.registry}: ${errorMessage(error)}` };
  }
  const published = packuments.filter((p) => p?.versions?.[version] || p?.time?.[version]);
  if (published.length === 0) {
    return { state: 'absent', detail: `${version} of ${plan.main.name} and its ${plan.targets.length} per-target package(s) is not on ${settings.registry}` };
  }

  // Same order as `packages`: per-target packages, then the main one.
  const packed = await packNpmPackages(ctx, plan, renderNpmFiles(ctx, flavor));
  let comparisons;
  try {
    comparisons = await mapBounded(packed.map((p, i) => [p, packuments[i]] as const), PACK_CONCURRENCY, ([p, packument]) =>
      comparePublished(endpoint, packument, version, p));
  } catch (error) {
    return { state: 'unknown', detail: `could not compare with the published tarballs: ${errorMessage(error)}` };
  }
  for (const state of ['burned', 'different'] as const) {
    const hits = comparisons.filter((c) => c.state === state);
    if (hits.length > 0) return { state, detail: hits.map((c) => c.detail).join('; '), ...(state === 'different' ? { url } : {}) };
  }
  const identical = comparisons.filter((c) => c.state === 'identical');
  if (identical.length === comparisons.length) {
    return { state: 'identical', detail: `all ${comparisons.length} packages match: ${identical.map((c) => c.detail).join('; ')}`, url };
  }
  const missing = comparisons.filter((c) => c.state === 'absent').length;
  return { state: 'absent', detail: `${identical.length} of ${comparisons.length} packages already published with identical content; ${missing} still to publish` };
}
