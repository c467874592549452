import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { asUserFacingError, ConfigurationError, createRedactor, type Logger, errorMessage } from '@deployforge/diagnostics';
import { loadGitHubClient, type ReleaseResult } from '@deployforge/github';
import { assetFetcher, collectReleaseArtifacts, loadRelease, releaseExistence, resolveRepository, runHub, type ReleaseFile } from '@deployforge/hub';
import { loadPlanInputs, type InputSource } from '@deployforge/inputs';
import type { Existence } from '@deployforge/catalog';
import type { ReleaseAsset } from '@deployforge/platforms';
import { createPlan, credentialFactsFromEnv, parsePlatformSelection, spokeKeys, type Plan, type PlatformSelection } from '@deployforge/plan';
import type { LoadedConfig } from '@deployforge/config';
import { credentialValues, runSpokes, type RunSpokesOptions, type SpokeOutcome } from '@deployforge/publish';
import { buildStatusDocument, requiredFailures, type HubResultLike, type StatusDocument } from '@deployforge/status';
import { announceRelease, type AnnounceResult } from './announce-release.js';
import { buildArtifacts } from './build-artifacts.js';
import { checkArchiveBinaries } from './check-archive-binaries.js';
import { releaseTagAtHead } from './head-tag.js';
import { attachLocalPaths, localReleaseAssets } from './local-assets.js';
import { lastSpokeDurations } from './last-spoke-durations.js';

export interface LocalReleaseFlags {
  version?: string;
  platforms?: string;
  artifacts?: string;
  dryRun: boolean;
  /** Spokes to run as dry runs in a real release (`--dry-run-platforms`): platforms unreachable from here. */
  dryRunPlatforms?: string;
  force: boolean;
  concurrency?: number;
  /** Where status.json goes; default `.deployforge/` next to the config. */
  outDir?: string;
}

function selectedKeys(selection: PlatformSelection, loaded: LoadedConfig): string[] {
  return selection.kind === 'all' ? spokeKeys(loaded.config, loaded.enabledPlatforms).map((k) => k.key) : [...selection.keys];
}

export interface LocalReleaseResult {
  plan: Plan;
  hub?: ReleaseResult;
  outcomes: SpokeOutcome[];
  status: StatusDocument;
  statusFile: string;
  failedRequired: string[];
  /** One entry per webhook configured in the environment (none on dry runs). */
  announcements: AnnounceResult[];
}

/**
 * `deployforge release`: the plan executed in-process, hub first, then every selected spoke in
 * parallel, then status.json. The same functions the actions call (runHub, runSpokes,
 * buildStatusDocument), so a laptop release converges exactly like the workflow does.
 */
export async function runLocalRelease(options: {
  configPath: string;
  flags: LocalReleaseFlags;
  io: InputSource;
  log: Logger;
  signal?: AbortSignal;
  onSpokeEvent?: RunSpokesOptions['onEvent'];
}): Promise<LocalReleaseResult> {
  const { flags, io, log } = options;
  // Every user input is validated before the first request.
  const projectDir = dirname(resolve(io.cwd, options.configPath));
  const inputs = await loadPlanInputs(options.configPath, {
    ...(flags.version ? { version: flags.version, versionName: '--version' } : {}),
    ...(flags.platforms ? { platforms: flags.platforms } : {}),
    // No --version and no tag push: the tag on HEAD, as the workflow takes the tag pushed.
    tagWhenUntagged: (tagPrefix, configFile) => releaseTagAtHead(projectDir, tagPrefix, configFile, log),
  }, io);
  const { loaded, version } = inputs;
  const repository = resolveRepository(loaded, io.env);
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token with contents: write on ${repository.owner}/${repository.repo} (GITHUB_API_URL points at GitHub Enterprise or a test server)`);
  if (flags.concurrency !== undefined && (!Number.isInteger(flags.concurrency) || flags.concurrency < 1 || flags.concurrency > 32)) {
    throw ConfigurationError.forInput('--concurrency', `expected a whole number from 1 to 32, got ${flags.concurrency}`);
  }
  const dryRunKeys = flags.dryRunPlatforms
    ? new Set(selectedKeys(parsePlatformSelection(flags.dryRunPlatforms, spokeKeys(loaded.config, loaded.enabledPlatforms).map((k) => k.key), '--dry-run-platforms'), loaded))
    : undefined;
  // A wrong --artifacts is bad input: refuse it before the first request (found by the corpus),
  // and so is one that would not make a complete release (a missing target, a stray file).
  // Each archive is opened too: not an archive, or no binary at its root, is refused the same way.
  const artifactDigests = flags.artifacts
    ? await checkArchiveBinaries(await collectReleaseArtifacts(resolve(io.cwd, flags.artifacts), io.cwd, loaded, version), loaded, version.version)
    : undefined;
  // A dry run keeps what it made where `release --snapshot` keeps it, in .deployforge/dist/<version>/:
  // the archives and the hub's files (SHA256SUMS, SBOM, installers) in github/, each platform's
  // package beside them, and its status.json, since .deployforge/status.json is the last real
  // release's (the one `dashboard` reads by default). --out still decides, when given.
  const keepRoot = flags.dryRun ? join(projectDir, '.deployforge', 'dist', version.version) : undefined;
  const releaseOut = resolve(io.cwd, flags.outDir ?? join(projectDir, '.deployforge'));
  const outDir = flags.outDir || !keepRoot ? releaseOut : keepRoot;
  // status.json is written last, once everything is published: a folder that cannot hold it (a file
  // in the way, no permission) is bad input found now, not an "unexpected error" after the release.
  await mkdir(outDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw ConfigurationError.forInput(flags.outDir ? '--out' : outDir, `cannot create the folder for status.json at ${outDir} (${error.code ?? errorMessage(error)}); expected a folder it can be written to`);
  });
  const workRoot = await mkdtemp(join(tmpdir(), 'deployforge-release-'));
  // Scratch space (local builds, downloads, spokes' work dirs) never outlives the run.
  try {
    const client = await loadGitHubClient({ token, log, ...(io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL } : {}) });

    // GitHub unreachable, the token refused, the repository unknown (user-facing failures): the hub
    // would meet the same after the whole build, and a second round of retries. Said now instead.
    const hubExistence: Existence = await releaseExistence(client, loaded, version, io.env, (error) => asUserFacingError(error) !== undefined)
      .catch((error: unknown) => {
        const userFacing = asUserFacingError(error);
        if (userFacing) throw userFacing;
        return { state: 'unknown' as const, detail: errorMessage(error) };
      });
    const plan = createPlan({
      ...inputs,
      trigger: 'local',
      existence: { github: hubExistence },
      credentials: credentialFactsFromEnv(io.env),
      force: flags.force,
      dryRun: flags.dryRun,
      artifactsProvided: flags.artifacts !== undefined,
      ...(dryRunKeys ? { dryRunKeys } : {}),
    });

    if (keepRoot) {
      // Nothing stale from an earlier run of this version; packages are not sources: kept out of
      // `git status`, as a snapshot's are.
      await rm(keepRoot, { recursive: true, force: true });
      await mkdir(dirname(keepRoot), { recursive: true });
      await writeFile(join(dirname(keepRoot), '.gitignore'), '*\n');
    }
    let artifactsDir = flags.artifacts ? resolve(io.cwd, flags.artifacts) : undefined;
    let hub: ReleaseResult | undefined;
    // SHA-256 of the archives, by path, taken as the packager wrote them (or, with --artifacts, as
    // the check above read them): neither the hub nor the hand-over to the spokes reads an archive
    // only to hash it (issue 20).
    let built: ReadonlyMap<string, string> | undefined = artifactDigests;
    if (plan.release.run) {
      if (!artifactsDir) {
        artifactsDir = keepRoot ? join(keepRoot, 'github') : join(workRoot, 'artifacts');
        const packaged = await log.group('Build', () => buildArtifacts({ loaded, version, matrix: plan.matrix.include, projectDir, outDir: artifactsDir as string, env: io.env, log, ...(options.signal ? { signal: options.signal } : {}) }));
        built = new Map(packaged.map((p) => [p.archive, p.sha256]));
      }
      hub = await log.group(`Release ${version.tag}`, () => runHub({
        loaded, version, artifacts: artifactsDir as string, cwd: io.cwd, env: io.env, token, log, force: flags.force, dryRun: flags.dryRun, client,
        ...(keepRoot ? { keepDir: join(keepRoot, 'github') } : {}),
        ...(built ? { digests: built } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      }));
      // After a real run, each archive the hub took from the artifacts folder holds the digest it
      // reports: it uploaded or compared exactly those bytes, or failed. So the hand-over to the
      // spokes hashes none of them again (an --artifacts .zip, whose check does not read it whole,
      // was hashed by the hub). Not after a dry run, which may report the release's digests of
      // files it would replace; and archives only, since a SHA256SUMS or installer in the folder
      // may be one the hub replaced.
      if (!flags.dryRun) {
        const folder = artifactsDir;
        const archives = new Set(plan.targets.map((t) => t.archive));
        const fromHub = hub.assets.filter((a) => archives.has(a.name)).map((a) => [join(folder, a.name), a.sha256] as const);
        built = new Map([...fromHub, ...(built ?? [])]);
      }
    }

    let assets: ReleaseAsset[];
    // Every file of the release as listed: the status of a run that skipped the hub reports them
    // (the spokes' assets are only the archives and SHA256SUMS, not the SBOM or the signatures).
    let releaseFiles: ReleaseFile[] | undefined;
    if (flags.dryRun && hub && !hub.published) {
      const server = io.env.GITHUB_SERVER_URL ?? 'https://github.com';
      assets = await localReleaseAssets(artifactsDir as string, plan.targets, `${server}/${repository.owner}/${repository.repo}/releases/download/${version.tag}`, built);
    } else {
      const existing = await loadRelease(client, loaded, version, io.env);
      assets = await attachLocalPaths(existing.assets, artifactsDir, built);
      releaseFiles = existing.files;
    }

    const outcomes = await runSpokes({
      loaded, version, spokes: plan.spokes, assets, fetchAsset: assetFetcher(client, join(workRoot, 'downloads')), env: io.env, workRoot,
      // The last run's durations start the longest spokes first (issue 20).
      lastDurations: await lastSpokeDurations(join(releaseOut, 'status.json')),
      dryRun: flags.dryRun, ...(dryRunKeys ? { dryRunKeys } : {}), ...(keepRoot ? { keepRoot } : {}), force: flags.force, log, redact: createRedactor(credentialValues(io.env)),
      ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onSpokeEvent ? { onEvent: options.onSpokeEvent } : {}),
    });

    const hubLike: HubResultLike = hub
      ? { status: hub.dryRun ? 'dry-run' : hub.writes === 0 ? 'skipped' : 'published', url: hub.url, tag: hub.tag, assets: hub.assets,
          detail: hub.dryRun ? 'dry run: nothing written' : hub.writes === 0 ? 'already complete, nothing written' : `${hub.writes} write(s)` }
      : { status: 'skipped', tag: version.tag, detail: plan.release.detail,
          assets: releaseFiles ?? assets.map((a) => ({ name: a.name, size: a.size, sha256: a.sha256, url: a.url })),
          ...(hubExistence.url ? { url: hubExistence.url } : {}) };
    const status = buildStatusDocument({ plan, results: outcomes, hub: hubLike });
    await mkdir(outDir, { recursive: true });
    const statusFile = join(outDir, 'status.json');
    await writeFile(statusFile, `${JSON.stringify(status, null, 2)}\n`);
    // A courtesy after the fact: announceRelease never throws, so a chat outage cannot fail a release.
    // Only when this run changed something: a re-run that wrote nothing has nothing to announce.
    const changed = (hub?.writes ?? 0) > 0 || outcomes.some((o) => o.status === 'published');
    const announcements = flags.dryRun || !changed ? [] : await announceRelease(status, io.env, { log });
    return { plan, ...(hub ? { hub } : {}), outcomes, status, statusFile, failedRequired: requiredFailures(status), announcements };
  } finally {
    await rm(workRoot, { recursive: true, force: true });
  }
}
