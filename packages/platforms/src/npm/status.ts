import type { LiveStatus, PlatformContext } from '../platform.js';
import { packagePageUrl, registryEndpoint, resolveNpmSettings, type NpmFlavor } from './npm-settings.js';
import { getPackument } from './registry-client.js';

/** The version `npm install <package>` gets today: the main package's `dist-tags.latest`. */
export async function statusNpm(ctx: PlatformContext, flavor: NpmFlavor): Promise<LiveStatus> {
  const settings = resolveNpmSettings(ctx, flavor);
  const packument = await getPackument(registryEndpoint(ctx, settings), settings.packageName);
  if (!packument) return { detail: `${settings.packageName} is not on ${settings.registry}` };
  const latest = packument['dist-tags']?.latest;
  const next = packument['dist-tags']?.next;
  return {
    ...(latest ? { latest, url: packagePageUrl(settings, settings.packageName, latest) } : {}),
    detail: `dist-tags: latest ${latest ?? '(none)'}${next ? `, next ${next}` : ''}`,
  };
}
