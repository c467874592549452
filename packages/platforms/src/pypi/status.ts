import type { LiveStatus, PlatformContext } from '../platform.js';
import { pypiIndexUrl } from './pypi-settings.js';
import { fetchLatestVersion } from './pypi-json-api.js';

/** `info.version` of `<index>/pypi/<name>/json`: what `pip install <name>` would pick. */
export async function statusPypi(ctx: PlatformContext): Promise<LiveStatus> {
  const block = ctx.config.platforms?.pypi ?? undefined;
  const index = pypiIndexUrl(block);
  const name = block?.package ?? ctx.config.project.name;
  const { latest, url } = await fetchLatestVersion(index, name, ctx.signal, ctx.log);
  return latest ? { latest, url } : { url, detail: `${name} has no release on ${index}` };
}
