import { rcompare, valid } from 'semver';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { crateUrl } from './check.js';
import { cratesSettings } from './crates-settings.js';
import { fetchIndexEntries } from './sparse-index.js';

/** The newest version the index lists that is not yanked: what `cargo install` picks. */
export async function statusCrates(ctx: PlatformContext): Promise<LiveStatus> {
  const settings = cratesSettings(ctx);
  const entries = await fetchIndexEntries(settings.indexUrl, settings.name, ctx.signal, ctx.log);
  const live = entries.filter((e) => !e.yanked && valid(e.vers)).map((e) => e.vers).sort(rcompare);
  const latest = live[0];
  const url = crateUrl({ ...settings, version: latest ?? settings.version });
  if (!latest) return { url, detail: entries.length ? `every version of ${settings.name} is yanked` : `${settings.name} is not in ${settings.indexUrl}` };
  return { latest, url };
}
