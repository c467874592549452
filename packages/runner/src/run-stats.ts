import { errorMessage } from '@deployforge/diagnostics';
import { listReleases, mapWithConcurrency, type RemoteAsset, type RemoteRelease } from '@deployforge/github';
import { PLATFORMS } from '@deployforge/catalog';
import { loadPlatform } from '@deployforge/platforms';
import { displayName, liveContext, openLiveSession, selectNewestRelease, STATUS_TIMEOUT_MS, withTimeout, type LiveCommandOptions, type LiveSession } from './run-status.js';

/** Said instead of a number wherever a platform gives no figure: a missing count is not zero. */
export const NOT_PUBLISHED = 'not published by this platform';

export interface PlatformDownloads {
  name: string;
  /** null when the platform publishes no figure (or it could not be read): never a made-up 0. */
  downloads: number | null;
  detail: string;
}

export interface StatsReport {
  project: string;
  repository: string;
  'generated-at': string;
  platforms: Record<string, PlatformDownloads>;
  /** Sum of the known figures only. */
  total: number;
  /** GitHub's figures per release tag (assets summed), newest first as GitHub lists them. */
  releases: { tag: string; downloads: number }[];
}

type CountedRelease = Omit<RemoteRelease, 'assets'> & { assets?: (RemoteAsset & { download_count?: number })[] };

/**
 * `deployforge stats`: downloads per platform and in total. GitHub's count is the sum of every
 * published release's asset `download_count`; spokes report through their optional `stats()`.
 * Platforms without one, or whose figure is unavailable, say so rather than counting as 0.
 */
export async function runStats(options: LiveCommandOptions): Promise<StatsReport> {
  const session = await openLiveSession(options);
  try {
    return await statsReport(session, options);
  } finally {
    await session.dispose();
  }
}

async function statsReport(session: LiveSession & { includeGithub: boolean }, options: LiveCommandOptions): Promise<StatsReport> {
  const { owner, repo } = session.repository;
  const releases = (await listReleases(session.client, owner, repo)) as CountedRelease[];
  const platforms: Record<string, PlatformDownloads> = {};

  // Drafts are unpublished (only maintainers can download them): their counts are not users'.
  const published = releases.filter((r) => !r.draft);
  const perRelease = published.map((r) => ({ tag: r.tag_name, downloads: (r.assets ?? []).reduce((sum, a) => sum + (a.download_count ?? 0), 0) }));
  if (session.includeGithub) {
    const downloads = perRelease.reduce((sum, r) => sum + r.downloads, 0);
    platforms.github = { name: PLATFORMS.github.displayName, downloads, detail: `release assets of ${published.length} release(s)` };
  }

  // A spoke's stats() may want the current version (a per-version count): give it the newest release.
  const newest = selectNewestRelease(releases, session.loaded.config.version?.['tag-prefix'] ?? 'v');
  const rows = await mapWithConcurrency(session.keys, options.concurrency ?? 8, async (key): Promise<[string, PlatformDownloads]> => {
    const name = displayName(key, session.loaded.config);
    const platform = await loadPlatform(key.platform);
    if (!platform?.stats) return [key.key, { name, downloads: null, detail: NOT_PUBLISHED }];
    if (!newest) return [key.key, { name, downloads: null, detail: 'no published release to ask about' }];
    try {
      const stats = platform.stats.bind(platform);
      const figures = await withTimeout(options.timeoutMs ?? STATUS_TIMEOUT_MS, `${key.key} stats`, (signal) =>
        stats(liveContext(session, key, newest.version, options.io, options.log, signal)));
      const detail = session.redact(figures.detail ?? '');
      return [key.key, typeof figures.downloads === 'number'
        ? { name, downloads: figures.downloads, detail }
        : { name, downloads: null, detail: detail ? `${NOT_PUBLISHED}: ${detail}` : NOT_PUBLISHED }];
    } catch (error) {
      return [key.key, { name, downloads: null, detail: session.redact(`could not read the figure: ${errorMessage(error)}`) }];
    }
  });
  for (const [key, value] of rows) platforms[key] = value;

  return {
    project: session.loaded.config.project.name,
    repository: `${owner}/${repo}`,
    'generated-at': (options.now ?? new Date()).toISOString(),
    platforms,
    total: Object.values(platforms).reduce((sum, p) => sum + (p.downloads ?? 0), 0),
    releases: perRelease,
  };
}
