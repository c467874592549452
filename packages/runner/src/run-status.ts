import { loadConfig, type DeployforgeConfig, type LoadedConfig } from '@deployforge/config';
import { ConfigurationError, createRedactor, type Logger, errorMessage } from '@deployforge/diagnostics';
import { listReleases, loadGitHubClient, mapWithConcurrency, type GitHubClient, type RemoteRelease } from '@deployforge/github';
import { resolveRepository, type Repository } from '@deployforge/hub';
import { configFileFor, type InputSource } from '@deployforge/inputs';
import { PLATFORMS, type SpokeStatus } from '@deployforge/catalog';
import { loadPlatform, type PlatformContext } from '@deployforge/platforms';
import { isSelected, parsePlatformSelection, spokeDisplayName, spokeKeys, type SpokeKey } from '@deployforge/plan';
import { credentialValues } from '@deployforge/publish';
import type { PlatformStatus, StatusDocument } from '@deployforge/status';
import { parseVersionInput, type ResolvedVersion } from '@deployforge/version';
import { compare, valid } from 'semver';
import { makeScratchDir } from './scratch-dir.js';

/** How a platform's live version relates to the newest release. Everything but `in-sync` is drift. */
export const DRIFT_STATES = ['in-sync', 'behind', 'ahead', 'missing', 'unknown'] as const;
export type DriftState = (typeof DRIFT_STATES)[number];

/**
 * One row of the drift table. It extends status.json's platform entry so that `deployforge dashboard`
 * can render a drift report like a release's status.json: `version` is the *live* version there.
 */
export interface DriftPlatformStatus extends PlatformStatus {
  state: DriftState;
  /** The version the platform serves now; absent when it has none or could not be read. */
  live?: string;
  /** The version it should serve: the newest release's. */
  release: string;
}

/** `deployforge status --json`: a status.json-compatible document plus the drift verdict. */
export interface DriftReport extends StatusDocument {
  repository: string;
  tag: string;
  /** True when any row is not `in-sync`: the command exits 1. */
  drift: boolean;
  platforms: Record<string, DriftPlatformStatus>;
}

/** A release as listed by the API, with the date fields RemoteRelease leaves out. */
type ListedRelease = RemoteRelease & { published_at?: string | null; created_at?: string };

/** What status, stats and rollback share: config, repository, a GitHub client and the spokes. */
export interface LiveSession {
  loaded: LoadedConfig;
  repository: Repository;
  client: GitHubClient;
  keys: SpokeKey[];
  workRoot: string;
  redact: (text: string) => string;
  /** Removes workRoot (the platforms' clones live there). Ctrl-C and exit remove it too. */
  dispose(): Promise<void>;
}

/** Default time a platform gets to answer before its row becomes `unknown`. */
export const STATUS_TIMEOUT_MS = 30_000;

/**
 * Config, repository, client and the selected spokes, validated before any network call. `github`
 * in `--platforms` names the hub, which is not a spoke key, so it is taken out before the spokes
 * are parsed; `includeGithub` says whether it was selected (or everything was).
 */
export async function openLiveSession(options: {
  configPath: string;
  platforms?: string;
  io: InputSource;
  log: Logger;
}): Promise<LiveSession & { includeGithub: boolean }> {
  const loaded = await loadConfig(configFileFor(options.configPath, options.io.cwd));
  const all = spokeKeys(loaded.config, loaded.enabledPlatforms);
  const parts = (options.platforms ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
  const spokesOnly = parts.filter((p) => p !== 'github');
  const onlyGithub = parts.length > 0 && spokesOnly.length === 0;
  const selection = onlyGithub ? { kind: 'some' as const, keys: [] } : parsePlatformSelection(spokesOnly.join(','), all.map((k) => k.key), '--platforms');
  const includeGithub = parts.length === 0 || parts.includes('github') || parts.includes('all');
  const repository = resolveRepository(loaded, options.io.env);
  const token = options.io.env.GITHUB_TOKEN || options.io.env.GH_TOKEN;
  if (!token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token that can read the releases of ${repository.owner}/${repository.repo}`);
  const client = await loadGitHubClient({ token, log: options.log, ...(options.io.env.GITHUB_API_URL ? { baseUrl: options.io.env.GITHUB_API_URL } : {}) });
  // Made last, after everything that can refuse the input: nothing before it needs cleaning up.
  const scratch = await makeScratchDir('deployforge-live-');
  return {
    loaded, repository, client, includeGithub,
    keys: all.filter((k) => isSelected(selection, k.key)),
    workRoot: scratch.path,
    dispose: scratch.dispose,
    redact: createRedactor(credentialValues(options.io.env)),
  };
}

const publishedAt = (r: ListedRelease) => Date.parse(r.published_at ?? r.created_at ?? '') || 0;

/**
 * The release the platforms should serve: the highest stable version, unless the most recently
 * published release is a prerelease, which then wins (a maintainer testing an rc wants to see where
 * it went). Drafts are invisible to users and never count; tags that are not versions are ignored.
 */
export function selectNewestRelease(releases: readonly ListedRelease[], tagPrefix: string): { release: ListedRelease; version: ResolvedVersion } | undefined {
  const candidates = releases
    .filter((r) => !r.draft)
    .flatMap((release) => {
      try {
        return [{ release, version: parseVersionInput(release.tag_name, { tagPrefix, origin: `release ${release.tag_name}` }) }];
      } catch {
        return [];
      }
    });
  const byDate = [...candidates].sort((a, b) => publishedAt(b.release) - publishedAt(a.release) || b.release.id - a.release.id);
  if (byDate[0]?.release.prerelease) return byDate[0];
  return candidates.filter((c) => !c.release.prerelease).sort((a, b) => compare(b.version.version, a.version.version) || b.release.id - a.release.id)[0];
}

/** Compare a live version with the release's, also accepting the PEP 440 form PyPI reports. */
export function driftState(live: string | undefined, release: ResolvedVersion): { state: DriftState; why?: string } {
  if (live === undefined) return { state: 'missing' };
  if (live === release.version || live === release.pypiVersion) return { state: 'in-sync' };
  const cleaned = live.startsWith('v') ? live.slice(1) : live;
  if (!valid(cleaned)) return { state: 'unknown', why: `cannot compare "${live}" with ${release.version}` };
  const order = compare(cleaned, release.version);
  return { state: order === 0 ? 'in-sync' : order < 0 ? 'behind' : 'ahead' };
}

/** A spoke context for read-only calls: no assets (status and stats never publish), dry run on. */
export function liveContext(session: LiveSession, key: SpokeKey, version: ResolvedVersion, io: InputSource, log: Logger, signal?: AbortSignal): PlatformContext {
  return {
    config: session.loaded.config,
    ...(key.instance ? { instance: key.instance } : {}),
    version,
    assets: [],
    workDir: session.workRoot,
    env: io.env,
    dryRun: true,
    force: false,
    log,
    ...(signal ? { signal } : {}),
    fetchAsset: async (asset) => {
      throw new Error(`${asset.name}: reading the live state never downloads release assets`);
    },
  };
}

/** A platform call that gives up after `ms`: one hung registry must not hang the whole report. */
export async function withTimeout<T>(ms: number, what: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  try {
    return await Promise.race([fn(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The platform's name in reports: the registry the config points it at (a Cargo registry other than crates.io is named). */
export const displayName = (key: SpokeKey, config: DeployforgeConfig) => spokeDisplayName(key.platform, config, key.instance);

/** Drift rows map onto status.json's colours: in sync is green, drift red, unknown yellow. */
const DASHBOARD_STATUS: Record<DriftState, SpokeStatus> = {
  'in-sync': 'published', behind: 'failed', ahead: 'failed', missing: 'failed', unknown: 'needs-human',
};

function row(input: { name: string; state: DriftState; live?: string; release: ResolvedVersion; url?: string; detail: string; ms: number; required: boolean }): DriftPlatformStatus {
  return {
    name: input.name,
    status: DASHBOARD_STATUS[input.state],
    state: input.state,
    version: input.live ?? '',
    ...(input.live !== undefined ? { live: input.live } : {}),
    release: input.release.version,
    ...(input.url ? { url: input.url } : {}),
    'duration-ms': input.ms,
    required: input.required,
    detail: input.detail,
  };
}

/** GitHub's own "latest" flag: after a rollback it points at an older release, and that is drift too. */
async function githubRow(session: LiveSession, version: ResolvedVersion, tagPrefix: string): Promise<DriftPlatformStatus> {
  const started = Date.now();
  const base = { name: PLATFORMS.github.displayName, release: version, required: true };
  try {
    const { data } = await session.client.octokit.rest.repos.getLatestRelease({ owner: session.repository.owner, repo: session.repository.repo });
    const live = data.tag_name.startsWith(tagPrefix) ? data.tag_name.slice(tagPrefix.length) : data.tag_name;
    const { state, why } = driftState(live, version);
    return row({ ...base, state, live, url: data.html_url, detail: why ?? `the release marked latest is ${data.tag_name}`, ms: Date.now() - started });
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 404) return row({ ...base, state: 'missing', detail: 'no release is marked latest', ms: Date.now() - started });
    return row({ ...base, state: 'unknown', detail: session.redact(`reading the latest release failed: ${errorMessage(error)}`), ms: Date.now() - started });
  }
}

/** What `status` and `stats` take: the config, a platform selection, and bounds for the reads. */
export interface LiveCommandOptions {
  configPath: string;
  platforms?: string;
  io: InputSource;
  log: Logger;
  concurrency?: number;
  timeoutMs?: number;
  now?: Date;
}

/**
 * `deployforge status`: the newest release against every enabled platform's live version, read
 * concurrently with a bound (independent round trips: N platforms cost about one). Never throws for
 * one platform: a failure, a timeout or a platform DeployForge cannot read yet is `unknown` with why.
 */
export async function runStatus(options: LiveCommandOptions): Promise<DriftReport> {
  const session = await openLiveSession(options);
  try {
    return await driftReport(session, options);
  } finally {
    await session.dispose();
  }
}

async function driftReport(session: LiveSession & { includeGithub: boolean }, options: LiveCommandOptions): Promise<DriftReport> {
  const { owner, repo } = session.repository;
  const tagPrefix = session.loaded.config.version?.['tag-prefix'] ?? 'v';
  const newest = selectNewestRelease(await listReleases(session.client, owner, repo), tagPrefix);
  if (!newest) throw new ConfigurationError(`${owner}/${repo} has no published release with a ${tagPrefix}<version> tag: nothing to compare the platforms with; release first`);
  const { version } = newest;
  const required = new Set<string>(session.loaded.config.required ?? []);
  const timeoutMs = options.timeoutMs ?? STATUS_TIMEOUT_MS;

  const github = session.includeGithub ? githubRow(session, version, tagPrefix) : undefined;
  const rows = await mapWithConcurrency(session.keys, options.concurrency ?? 8, async (key): Promise<[string, DriftPlatformStatus]> => {
    const started = Date.now();
    const base = { name: displayName(key, session.loaded.config), release: version, required: required.has(key.platform) };
    const platform = await loadPlatform(key.platform);
    if (!platform) return [key.key, row({ ...base, state: 'unknown', detail: 'this version of DeployForge cannot read this platform yet', ms: 0 })];
    try {
      const live = await withTimeout(timeoutMs, `${key.key} status`, (signal) => platform.status(liveContext(session, key, version, options.io, options.log, signal)));
      const { state, why } = driftState(live.latest, version);
      const detail = session.redact([why, live.detail].filter(Boolean).join('; ') || (state === 'missing' ? 'not published there' : ''));
      return [key.key, row({ ...base, state, ...(live.latest !== undefined ? { live: live.latest } : {}), ...(live.url ? { url: live.url } : {}), detail, ms: Date.now() - started })];
    } catch (error) {
      return [key.key, row({ ...base, state: 'unknown', detail: session.redact(`could not read the live version: ${errorMessage(error)}`), ms: Date.now() - started })];
    }
  });

  const platforms: Record<string, DriftPlatformStatus> = {};
  if (github) platforms.github = await github;
  for (const [key, value] of rows) platforms[key] = value;
  return {
    project: session.loaded.config.project.name,
    version: version.version,
    'generated-at': (options.now ?? new Date()).toISOString(),
    repository: `${owner}/${repo}`,
    tag: version.tag,
    drift: Object.values(platforms).some((p) => p.state !== 'in-sync'),
    platforms,
  };
}
