import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { LoadedConfig } from '@deployforge/config';
import type { Logger } from '@deployforge/diagnostics';
import { loadGitHubClient, publishRelease, SHA256SUMS_NAME, type GitHubClient, type ReleaseResult } from '@deployforge/github';
import { withReleaseSbom } from '@deployforge/sbom';
import type { ResolvedVersion } from '@deployforge/version';
import { collectReleaseArtifacts } from './check-release-artifacts.js';
import { INSTALLER_FILES, writeReleaseInstallers } from './installers/index.js';
import { suppliedPackageFiles, writeReleasePackages } from './linux-packages/index.js';
import { releaseNotesSource } from './release-notes-source.js';
import { releaseSigner, type ReleaseSignerOptions } from './release-signer.js';
import { resolveRepository } from './resolve-repository.js';

export interface HubOptions {
  loaded: LoadedConfig;
  version: ResolvedVersion;
  /** Directory, file or pattern lines of the archives to upload. */
  artifacts: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  token: string;
  log: Logger;
  force: boolean;
  dryRun: boolean;
  /**
   * Write the files the hub makes (SHA256SUMS, the SBOM, installers, Linux packages) here and keep
   * them: a local dry run keeps them beside its archives, as a snapshot does. Default: temp dirs.
   */
  keepDir?: string;
  /**
   * SHA-256 of archives by path, where the caller knows them already: the local runner's packager
   * hashes each archive as it writes it. Nothing is then read only to be hashed, even to compare
   * with a release that holds the file; an upload still checks the bytes it sends against it.
   */
  digests?: ReadonlyMap<string, string>;
  /** Overrides of the config, as the create-release action's inputs allow. */
  draftUntilComplete?: boolean;
  notes?: string;
  signal?: AbortSignal;
  /** For tests: a client built with short retry settings. */
  client?: GitHubClient;
  /** For tests: local Sigstore services. */
  sigstore?: ReleaseSignerOptions['sigstore'];
}

/**
 * The hub, configured from deployforge.yml: the one function behind the create-release action and
 * the local `deployforge release`, so both converge the same way.
 */
export async function runHub(options: HubOptions): Promise<ReleaseResult> {
  const { loaded, version, log } = options;
  // Everything the user controls is validated before the first request.
  const { owner, repo } = resolveRepository(loaded, options.env);
  // A release is complete before it is published: every target's archive and nothing else, or
  // exit 2 before the first request (a partial release was published, then never finished).
  const files = await collectReleaseArtifacts(options.artifacts, options.cwd, loaded, version);
  // A SHA256SUMS among the artifacts was made (and signed) by the workflow's sign job: the hub
  // checks and uploads it, and signs nothing itself (it holds neither the key nor an OIDC token).
  const prepared = files.some((f) => basename(f) === SHA256SUMS_NAME);
  const signer = prepared ? undefined : releaseSigner({ config: loaded.config, env: options.env, log, ...(options.sigstore ? { sigstore: options.sigstore } : {}) });
  const notes = releaseNotesSource(loaded, dirname(resolve(loaded.file)), options.notes);
  const client = options.client ?? await loadGitHubClient({ token: options.token, log });
  const release = loaded.config.release;
  // release.sbom: the SBOM (lockfile next to deployforge.yml) is one more file of the release. It
  // names the archives by their digests, so the hub makes it (publishRelease's derive) once the
  // uploads have computed them: each archive is read once, for its upload, on a first release.
  let sbomCleanup = async (): Promise<void> => {};
  const deriveSbom = async (digests: ReadonlyMap<string, string>): Promise<string[]> => {
    const sbom = await withReleaseSbom(release?.sbom ?? true, files, {
      digests,
      projectName: loaded.config.project.name,
      version: version.version,
      repository: `${owner}/${repo}`,
      tag: version.tag,
      // loaded.file is relative to the process's directory (or absolute), as loadPlanInputs names it.
      projectDir: dirname(resolve(loaded.file)),
      log,
      ...(options.keepDir ? { outDir: options.keepDir } : {}),
    });
    sbomCleanup = sbom.cleanup;
    return sbom.generated ? [sbom.generated] : [];
  };
  // Without a sign job the hub writes the installers (and Linux packages) itself, like SHA256SUMS; with one they came
  // with the artifacts, already listed in its SHA256SUMS.
  if (options.keepDir) await mkdir(options.keepDir, { recursive: true });
  const installersDir = prepared ? undefined : options.keepDir ?? await mkdtemp(join(tmpdir(), 'deployforge-installers-'));
  try {
    let releaseFiles = files;
    if (installersDir) {
      const installerNames: string[] = Object.values(INSTALLER_FILES);
      const supplied = [...releaseFiles.filter((f) => installerNames.includes(basename(f))), ...suppliedPackageFiles(loaded.config, releaseFiles)];
      if (supplied.length > 0) log.warning(`replacing ${supplied.map((f) => basename(f)).join(', ')} from the artifacts with the ones rendered from the config`);
      const serverUrl = options.env.GITHUB_SERVER_URL ?? 'https://github.com';
      const installers = await writeReleaseInstallers({ config: loaded.config, version, serverUrl, owner, repo, outDir: installersDir, log });
      // release.linux-packages: built from the Linux archives the same way, so SHA256SUMS lists them.
      const packages = await writeReleasePackages({ config: loaded.config, version, files, env: options.env, outDir: installersDir, log });
      releaseFiles = [...releaseFiles.filter((f) => !supplied.includes(f)), ...installers, ...packages];
    }
    return await publishRelease({
      client,
      owner,
      repo,
      tag: version.tag,
      name: `${loaded.config.project.name} ${version.version}`,
      version,
      files: releaseFiles,
      ...(options.digests ? { digests: options.digests } : {}),
      derive: deriveSbom,
      checksums: release?.checksums ?? true,
      ...(options.keepDir ? { workDir: options.keepDir } : {}),
      ...(signer ? { signer } : {}),
      draftUntilComplete: options.draftUntilComplete ?? release?.['draft-until-complete'] ?? true,
      notes,
      force: options.force,
      dryRun: options.dryRun,
      log,
      ...(options.env.GITHUB_SHA ? { targetCommitish: options.env.GITHUB_SHA } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } finally {
    await sbomCleanup();
    if (installersDir && installersDir !== options.keepDir) await rm(installersDir, { recursive: true, force: true });
  }
}
