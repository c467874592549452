import type { LiveStatus, PlatformContext } from '../platform.js';
import { DEFAULT_PYPI_INDEX } from './pypi-settings.js';
import { fetchLatestVersion } from './pypi-json-api.js';

/** `info.version` of `<index>/pypi/<name>/json`: what `pip install <name>` would pick. */
export async function statusPypi(ctx: PlatformContext): Promise<LiveStatus> {
  const block = ctx.config.platforms?.pypi ?? undefined;
  const index = (block?.index ?? DEFAULT_PYPI_INDEX).replace(/\/?$/, '/');
  const name = block?.package ?? ctx.config.project.name;
  const { latest, url } = await fetchLatestVersion(index, name, ctx.signal);
  return latest ? { latest, url } : { url, detail: `${name} has no release on ${index}` };
}
