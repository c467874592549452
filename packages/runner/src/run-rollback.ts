import { ConfigurationError, type Logger, errorMessage } from '@deployforge/diagnostics';
import { findReleaseByTag, mapWithConcurrency, type RemoteRelease } from '@deployforge/github';
import { assetFetcher, loadReleaseAssets } from '@deployforge/hub';
import type { InputSource } from '@deployforge/inputs';
import { PLATFORMS, type PlatformId, type SpokeStatus } from '@deployforge/catalog';
import { loadPlatform, type PlatformContext, type ReleaseAsset } from '@deployforge/platforms';
import { parseVersionInput, type ResolvedVersion } from '@deployforge/version';
import { join } from 'node:path';
import { displayName, liveContext, openLiveSession, STATUS_TIMEOUT_MS, withTimeout, type LiveSession } from './run-status.js';

/** One platform's line of a rollback: `needs-human` where only a person can move the pointer. */
export interface RollbackOutcome {
  name: string;
  status: SpokeStatus;
  url?: string;
  detail: string;
}

export interface RollbackReport {
  project: string;
  repository: string;
  to: string;
  'dry-run': boolean;
  platforms: Record<string, RollbackOutcome>;
}

/**
 * What to do by hand where a platform has no `rollback()`: every registry here either has no
 * "latest" pointer (users get the highest version) or keeps it in a file under review.
 */
const BY_HAND: Partial<Record<PlatformId, (to: string, name: string) => string>> = {
  pypi: (to) => `PyPI serves the highest version: yank each newer version on pypi.org (Manage → the release → Options → Yank) so pip picks ${to}`,
  crates: (to, name) => `${name} serves the highest version: \`cargo yank --version <newer>\` each version above ${to}`,
  homebrew: (to) => `revert the tap commit that moved the formula past ${to} (git revert in the tap repository)`,
  scoop: (to) => `revert the bucket commit that moved the manifest past ${to} (git revert in the bucket repository)`,
  nix: (to) => `revert the commit that moved the flake past ${to} (git revert in the flake repository)`,
  huggingface: (to) => `revert the Space commit that deployed the version after ${to} (git revert in the Space repository)`,
  chocolatey: (to) => `unlist each version above ${to} on chocolatey.org (package page → Edit → List/Unlist)`,
  winget: (to) => `open a pull request on microsoft/winget-pkgs removing the manifests above ${to}`,
  aur: (to) => `push the ${to} PKGBUILD with its epoch raised by one (pacman never downgrades without it)`,
  snap: (to) => `\`snapcraft release <snap> <revision of ${to}> <channel>\` for each architecture`,
  flathub: (to) => `open a pull request on flathub/<app-id> putting the ${to} manifest back`,
  vscode: (to) => `the extension stores serve the highest version: publish a new version built from ${to}, or unpublish the newer ones`,
  custom: (to) => `run your own deploy command for ${to}`,
};

/** GitHub's latest flag: one idempotent PATCH (`make_latest`) on V's release, skipped when already there. */
async function rollbackGithub(session: LiveSession, release: RemoteRelease, dryRun: boolean): Promise<RollbackOutcome> {
  const { owner, repo } = session.repository;
  const name = PLATFORMS.github.displayName;
  const url = release.html_url;
  if (release.prerelease) return { name, status: 'failed', url, detail: `${release.tag_name} is a prerelease: GitHub never marks a prerelease as latest` };
  let current: string | undefined;
  let currentId: number | undefined;
  try {
    const { data } = await session.client.octokit.rest.repos.getLatestRelease({ owner, repo });
    current = data.tag_name;
    currentId = data.id;
  } catch (error) {
    if ((error as { status?: unknown }).status !== 404) throw error;
  }
  if (currentId === release.id) return { name, status: 'skipped', url, detail: `${release.tag_name} is already marked latest` };
  const from = current ? `from ${current} ` : '';
  if (dryRun) return { name, status: 'dry-run', url, detail: `would move the latest flag ${from}to ${release.tag_name}` };
  await session.client.octokit.rest.repos.updateRelease({ owner, repo, release_id: release.id, make_latest: 'true' });
  return { name, status: 'published', url, detail: `moved the latest flag ${from}to ${release.tag_name}` };
}

/**
 * A dry run never calls a platform's `rollback()`: that contract does not promise to honour
 * `ctx.dryRun`, and a dry run that writes is worse than none. It reads `status()` instead and says
 * which pointer would move.
 */
async function previewSpoke(ctx: PlatformContext, platform: { status(ctx: PlatformContext): Promise<{ latest?: string }> }, to: string, name: string): Promise<RollbackOutcome> {
  const live = await platform.status(ctx);
  if (live.latest === to) return { name, status: 'skipped', detail: `latest already points at ${to}` };
  return { name, status: 'dry-run', detail: `would move latest from ${live.latest ?? '(none)'} to ${to}` };
}

/**
 * `deployforge rollback --to V`: point every selected platform's "latest" back at V, deleting
 * nothing. The GitHub latest flag moves with `make_latest`; spokes through their `rollback()`;
 * spokes without one get a `needs-human` line saying what to do by hand. Idempotent: a re-run
 * finds every pointer already at V and writes nothing.
 */
export async function runRollback(options: {
  configPath: string;
  to: string;
  platforms?: string;
  dryRun: boolean;
  io: InputSource;
  log: Logger;
  concurrency?: number;
  timeoutMs?: number;
}): Promise<RollbackReport> {
  const session = await openLiveSession(options);
  try {
    return await rollBack(session, options);
  } finally {
    await session.dispose();
  }
}

async function rollBack(session: LiveSession & { includeGithub: boolean }, options: Parameters<typeof runRollback>[0]): Promise<RollbackReport> {
  const { owner, repo } = session.repository;
  const tagPrefix = session.loaded.config.version?.['tag-prefix'] ?? 'v';
  const version: ResolvedVersion = parseVersionInput(options.to, { tagPrefix, origin: '--to' });
  const release = await findReleaseByTag(session.client, owner, repo, version.tag);
  if (!release || release.draft) {
    throw new ConfigurationError(`--to: ${owner}/${repo} has no published release ${version.tag}; roll back only to a version that was released`);
  }

  // npm's rollback names the per-target packages from the release's archives, so load them the
  // way a spoke would. A release that cannot be read leaves the list empty: platforms that need
  // it then fail with their own reason, the others still move.
  let assets: ReleaseAsset[] = [];
  try {
    assets = await loadReleaseAssets(session.client, session.loaded, version, options.io.env);
  } catch (error) {
    options.log.warning(`the assets of ${version.tag} could not be read (${errorMessage(error)}); platforms that need them will fail`);
  }
  const fetchAsset = assetFetcher(session.client, join(session.workRoot, 'downloads'));
  const timeoutMs = options.timeoutMs ?? STATUS_TIMEOUT_MS;

  const platforms: Record<string, RollbackOutcome> = {};
  if (session.includeGithub) {
    try {
      platforms.github = await rollbackGithub(session, release, options.dryRun);
    } catch (error) {
      platforms.github = { name: PLATFORMS.github.displayName, status: 'failed', detail: session.redact(`moving the latest flag failed: ${errorMessage(error)}`) };
    }
  }

  const rows = await mapWithConcurrency(session.keys, options.concurrency ?? 4, async (key): Promise<[string, RollbackOutcome]> => {
    const name = displayName(key, session.loaded.config);
    const platform = await loadPlatform(key.platform);
    if (!platform) return [key.key, { name, status: 'needs-human', detail: `this version of DeployForge cannot reach ${name} yet; ${BY_HAND[key.platform]?.(version.version, name) ?? 'move it by hand'}` }];
    if (!platform.rollback) {
      const how = BY_HAND[key.platform]?.(version.version, name) ?? `move its latest version back to ${version.version} by hand`;
      return [key.key, { name, status: 'needs-human', detail: `rollback is not supported on ${name}: ${how}` }];
    }
    const rollback = platform.rollback.bind(platform);
    try {
      const result = await withTimeout(timeoutMs, `${key.key} rollback`, async (signal) => {
        const ctx: PlatformContext = { ...liveContext(session, key, version, options.io, options.log, signal), assets, fetchAsset, dryRun: options.dryRun };
        return options.dryRun ? previewSpoke(ctx, platform, version.version, name) : { name, ...(await rollback(ctx, version.version)) };
      });
      return [key.key, { ...result, name, detail: session.redact(result.detail) }];
    } catch (error) {
      return [key.key, { name, status: 'failed', detail: session.redact(`rollback failed: ${errorMessage(error)}`) }];
    }
  });
  for (const [key, value] of rows) platforms[key] = value;

  return { project: session.loaded.config.project.name, repository: `${owner}/${repo}`, to: version.version, 'dry-run': options.dryRun, platforms };
}
