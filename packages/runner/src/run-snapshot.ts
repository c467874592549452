import { mkdir, readdir, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { loadConfig, type LoadedConfig } from '@deployforge/config';
import { ConfigurationError, errorMessage, type Logger } from '@deployforge/diagnostics';
import { describeLocalAssets, writeChecksumsAsset } from '@deployforge/github';
import { resolveRepository, writeReleaseInstallers, writeReleasePackages } from '@deployforge/hub';
import { configFileFor, type InputSource } from '@deployforge/inputs';
import { keepPackage, loadPlatform, snapshotContext, spokeDistDir, SnapshotGapError, type PlatformContext, type ReleaseAsset } from '@deployforge/platforms';
import { createPlan, parsePlatformSelection, spokeKeys, type Plan, type SpokePlan } from '@deployforge/plan';
import { writeReleaseSbom } from '@deployforge/sbom';
import type { TargetId } from '@deployforge/targets';
import type { ResolvedVersion } from '@deployforge/version';
import { buildArtifacts } from './build-artifacts.js';
import { digestOf } from './local-assets.js';
import { makeScratchDir } from './scratch-dir.js';
import { FIRST_TIME_STEPS, publishDestination } from './snapshot-destinations.js';
import { snapshotTargets } from './snapshot-targets.js';
import { snapshotVersion, tagElsewhere } from './snapshot-version.js';

export interface SnapshotFlags {
  /** `--version`: the version to stamp instead of `<next>-snapshot+<sha>`. */
  version?: string;
  /** `--targets a,b`; default the host's target. */
  targets?: string;
  platforms?: string;
  /** The dist root; default `.deployforge/dist` next to the config. */
  distDir?: string;
}

/** One row of the closing table: what was kept, where a real run would send it, what it still needs. */
export interface SnapshotEntry {
  key: string;
  displayName: string;
  /**
   * kept: rendered (and packaged) here; not-built: needs a target this snapshot did not build;
   * offline-gap: rendered, but its package needs a registry to be made (a real run makes it);
   * failed: a real release would fail on it too.
   */
  status: 'kept' | 'not-built' | 'offline-gap' | 'failed';
  /** Paths relative to `dir`. */
  files: string[];
  dir: string;
  destination: string;
  /** Credentials (names only) and the first-time steps only a person can take. */
  needs: string[];
  detail: string;
}

export interface SnapshotResult {
  version: ResolvedVersion;
  /** `.deployforge/dist/<version>`. */
  dir: string;
  targets: TargetId[];
  /** The hub's part: archives, SBOM, SHA256SUMS. */
  release: SnapshotEntry;
  /** The short commit the release's tag already marks when that is not this commit (a version to bump). */
  tagTaken?: string;
  entries: SnapshotEntry[];
}

/** Where a version.from source keeps the version, for "bump … first". */
function versionSource(from: string): string {
  if (from === 'cargo') return 'package.version in Cargo.toml';
  if (from === 'package-json') return 'version in package.json';
  if (from === 'pyproject') return 'project.version in pyproject.toml';
  return from.startsWith('file:') ? `the version in ${from.slice('file:'.length)}` : 'the version';
}

/** Names of the credentials a spoke would need, as `A or B` / `A and B`, with OIDC when it counts. */
function credentialNeeds(spoke: SpokePlan): string[] {
  const c = spoke.credentials;
  const names = c.names.join(c.mode === 'any' ? ' or ' : ' and ');
  const words = c.oidc ? (c.trustedPublishing ? 'trusted publishing (OIDC)' : `${names || 'a token'}, or trusted publishing (OIDC)`) : names;
  return words ? [`${words} in environment ${spoke.environment}`] : [];
}

/**
 * Every file of the release a real run would upload, described as the hub would publish it: the
 * archives get their target, so spokes pick theirs; the rest (SHA256SUMS, the SBOM) ride along.
 */
async function snapshotAssets(dir: string, plan: Plan, downloadBase: string, known: ReadonlyMap<string, string>): Promise<ReleaseAsset[]> {
  const byArchive = new Map(plan.targets.map((t) => [t.archive, t.target]));
  const assets: ReleaseAsset[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    const target = byArchive.get(name);
    assets.push({ name, ...(target ? { target } : {}), url: `${downloadBase}/${encodeURIComponent(name)}`, size: (await stat(path)).size, sha256: await digestOf(path, known), localPath: path });
  }
  return assets;
}

/**
 * `deployforge release --snapshot`: the release rehearsed offline. Builds the chosen targets into
 * `.deployforge/dist/<version>/github/` (archives, SBOM, SHA256SUMS), then renders every selected
 * platform's package for real into `.deployforge/dist/<version>/<platform>/` and keeps it. No
 * token is read, no existence check runs, nothing is published: only render and the offline
 * package builders run, never check or publish.
 */
export async function runSnapshot(options: { configPath: string; flags: SnapshotFlags; io: InputSource; log: Logger; signal?: AbortSignal }): Promise<SnapshotResult> {
  const { flags, io, log } = options;
  const loaded: LoadedConfig = await loadConfig(configFileFor(options.configPath, io.cwd));
  const projectDir = dirname(resolve(io.cwd, options.configPath));
  const keys = spokeKeys(loaded.config, loaded.enabledPlatforms).map((k) => k.key);
  const selection = parsePlatformSelection(flags.platforms, keys, '--platforms');
  const targets = snapshotTargets(loaded, flags.targets);
  const version = await snapshotVersion(loaded, projectDir, flags.version);
  // The plan of a real dry run, credentials unchecked: a snapshot asks for none.
  const plan = createPlan({ loaded, version, trigger: 'local', selection, dryRun: true });
  const matrix = plan.matrix.include.filter((m) => targets.includes(m.target));

  let repository: string | undefined;
  try {
    const r = resolveRepository(loaded, io.env);
    repository = `${r.owner}/${r.repo}`;
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
  }
  const server = io.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const downloadBase = `${server}/${repository ?? 'OWNER/REPO'}/releases/download/${encodeURIComponent(version.tag)}`;

  const root = resolve(io.cwd, flags.distDir ?? join(projectDir, '.deployforge', 'dist'));
  const dir = join(root, version.version);
  // A snapshot of a version replaces the last one of the same version: nothing stale is kept.
  await rm(dir, { recursive: true, force: true });
  const releaseDir = join(dir, 'github');
  await mkdir(releaseDir, { recursive: true });
  // Packages are not sources: keep them out of `git status` and out of the next commit.
  await writeFile(join(root, '.gitignore'), '*\n');

  const packaged = await log.group(`Build ${targets.join(', ')}`, () => buildArtifacts({ loaded, version, matrix, projectDir, outDir: releaseDir, env: io.env, log, ...(options.signal ? { signal: options.signal } : {}) }));
  const archives = (await readdir(releaseDir)).sort().map((n) => join(releaseDir, n));
  // Each archive's SHA-256 as the packager wrote it: the SBOM, SHA256SUMS and the spokes' assets
  // take it from there instead of reading the archive again for each (issue 20).
  const digests = new Map(packaged.map((p) => [p.archive, p.sha256]));
  const releaseConfig = loaded.config.release;
  const files = [...archives];
  if (releaseConfig?.sbom ?? true) {
    files.push(await writeReleaseSbom({ projectName: loaded.config.project.name, version: version.version, ...(repository ? { repository } : {}), tag: version.tag, projectDir, files: archives, digests, outDir: releaseDir, log }));
  }
  // The installers a real release would carry, pointing at where it would be: the same bytes a
  // release of this version from this repository uploads.
  const [owner, repo] = (repository ?? 'OWNER/REPO').split('/') as [string, string];
  const installers = await writeReleaseInstallers({ config: loaded.config, version, serverUrl: server, owner, repo, outDir: releaseDir, log });
  files.push(...installers);
  // release.linux-packages: the .deb/.rpm/.apk a release of these archives carries, same bytes.
  const packages = await writeReleasePackages({ config: loaded.config, version, files: archives, env: io.env, outDir: releaseDir, log });
  files.push(...packages);
  if (releaseConfig?.checksums ?? true) {
    const described = await describeLocalAssets(files, options.signal, digests);
    for (const d of described) digests.set(d.path, d.sha256);
    await writeChecksumsAsset(described, releaseDir);
  }
  const assets = await snapshotAssets(releaseDir, plan, downloadBase, digests);

  // The tag a real release of this commit would carry: the snapshot's without its -snapshot+sha.
  const realTag = version.tag.replace(/-snapshot\+[^+]*$/, '');
  const taken = await tagElsewhere(projectDir, realTag);
  const tagNeed = taken
    ? `a new version: the tag ${realTag} already marks ${taken}, not this commit; bump ${versionSource(loaded.config.version?.from ?? 'tag')} first`
    : `the tag ${realTag} (pushed, or a dispatch)`;
  const releaseNeeds = ['GITHUB_TOKEN with contents: write', ...(repository ? [] : ['project.repository (owner/repo) in the config']), tagNeed];
  if (releaseConfig?.sign) releaseNeeds.push(`${releaseConfig['gpg-key'] ?? 'the GPG key secret'} to sign SHA256SUMS`);
  const release: SnapshotEntry = {
    key: 'github', displayName: 'GitHub Releases', status: 'kept', dir: releaseDir, files: assets.map((a) => a.name),
    destination: `release ${realTag} on ${repository ?? 'OWNER/REPO'}`, needs: releaseNeeds,
    detail: `${archives.length} archive(s)${files.length > archives.length + installers.length + packages.length ? ', SBOM' : ''}${installers.length > 0 ? `, ${installers.length} installer(s)` : ''}${packages.length > 0 ? `, ${packages.length} Linux package(s)` : ''}${assets.length > files.length ? ', SHA256SUMS' : ''}`,
  };

  const unbuilt = (loaded.config.build?.targets ?? []).filter((t) => !targets.includes(t));
  const scratch = await makeScratchDir('deployforge-snapshot-');
  try {
    const entries: SnapshotEntry[] = [];
    for (const spoke of plan.spokes) {
      if (spoke.reason === 'not-selected') continue;
      const spokeDir = spokeDistDir(dir, spoke.key);
      const entry: SnapshotEntry = {
        key: spoke.key, displayName: spoke.displayName, status: 'kept', files: [], dir: spokeDir,
        destination: publishDestination(loaded.config, spoke.platform, spoke.key.startsWith('custom:') ? spoke.key.slice('custom:'.length) : undefined),
        needs: [...credentialNeeds(spoke), ...(FIRST_TIME_STEPS[spoke.platform] ? [FIRST_TIME_STEPS[spoke.platform] as string] : [])],
        detail: '',
      };
      entries.push(entry);
      try {
        const workDir = join(scratch.path, spoke.key.replace(/[^a-z0-9-]/g, '-'));
        await mkdir(workDir, { recursive: true });
        const base: PlatformContext = {
          config: loaded.config,
          ...(spoke.key.startsWith('custom:') ? { instance: spoke.key.slice('custom:'.length) } : {}),
          version, assets, workDir,
          env: { ...io.env, DEPLOYFORGE_CONFIG_DIR: projectDir },
          dryRun: true, force: false, log,
          // Every asset is on disk already: nothing is ever downloaded.
          fetchAsset: async (a) => a.localPath ?? (() => { throw new Error(`${a.name} is not in the snapshot`); })(),
          ...(options.signal ? { signal: options.signal } : {}),
        };
        const ctx = snapshotContext(spoke.platform, base);
        const platform = await loadPlatform(spoke.platform);
        if (!platform) throw new Error(`this version of DeployForge cannot publish to ${spoke.displayName} yet`);
        entry.files.push(...(await keepPackage(spoke.platform, ctx, platform.render(ctx), spokeDir)));
        entry.detail = spoke.key.startsWith('custom:') ? 'your command is the publish step: it is not run in a snapshot' : `${entry.files.length} file(s)`;
      } catch (error) {
        const message = errorMessage(error);
        // The targets it names, else those of the operating system it names ("no Windows archive").
        const named = unbuilt.filter((t) => message.includes(t));
        const os = /windows/i.test(message) ? 'windows' : /macos/i.test(message) ? 'macos' : undefined;
        const missing = named.length > 0 ? named : os ? unbuilt.filter((t) => t.startsWith(os)) : [];
        // A package that needs a target this snapshot did not build is a gap of the rehearsal,
        // not a fault of the release: say which targets to add.
        if (error instanceof SnapshotGapError) {
          entry.status = 'offline-gap';
          entry.detail = message;
        } else if (missing.length > 0 || (/archive/i.test(message) && unbuilt.length > 0)) {
          entry.status = 'not-built';
          entry.detail = `needs ${missing.length ? missing.join(', ') : `one of ${unbuilt.join(', ')}`}: add to --targets (${message})`;
        } else {
          entry.status = 'failed';
          entry.detail = message;
        }
        // An empty folder would look like a package that was made.
        if (entry.files.length === 0) await rmdir(spokeDir).catch(() => undefined);
      }
    }
    return { version, dir, targets, release, entries, ...(taken ? { tagTaken: taken } : {}) };
  } finally {
    await scratch.dispose();
  }
}
