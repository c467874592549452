import { parse } from 'yaml';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { flathubSettings } from './flathub-settings.js';
import { archiveSources, defaultBranch, flathubClient, readFile, TOKEN } from './manifest-repo.js';

/** The version in the archive URLs of the manifest on the default branch (`<name>-<version>-<target>.tar.gz`). */
export async function statusFlathub(ctx: PlatformContext): Promise<LiveStatus> {
  const s = flathubSettings(ctx);
  const url = `https://flathub.org/apps/${s.appId}`;
  const client = flathubClient(ctx);
  if (!client) return { url, detail: `${TOKEN} is not set` };
  const branch = await defaultBranch(client, s);
  if (!branch) return { url, detail: `${s.owner}/${s.repo} does not exist` };
  const file = await readFile(client, s, s.manifestPath, branch);
  if (!file) return { url, detail: `no ${s.manifestPath} on ${branch}` };
  const prefix = `${s.projectName}-`;
  for (const source of archiveSources(parse(file.text))) {
    const name = decodeURIComponent(source.url.split('/').pop() ?? '');
    const m = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(.+)-linux-[a-z0-9-]+\\.tar\\.gz$`).exec(name);
    if (m) return { latest: m[1]!, url };
  }
  return { url, detail: `${s.manifestPath} has no archive named like ${prefix}<version>-<target>.tar.gz` };
}
