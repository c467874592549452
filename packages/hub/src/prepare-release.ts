import { mkdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { LoadedConfig } from '@deployforge/config';
import type { Logger } from '@deployforge/diagnostics';
import { describeLocalAssets, digestsOf, isSignatureFile, SHA256SUMS_NAME, writeChecksumsAsset } from '@deployforge/github';
import { withReleaseSbom } from '@deployforge/sbom';
import type { ResolvedVersion } from '@deployforge/version';
import { collectReleaseArtifacts } from './check-release-artifacts.js';
import { INSTALLER_FILES, writeReleaseInstallers } from './installers/index.js';
import { suppliedPackageFiles, writeReleasePackages } from './linux-packages/index.js';
import { releaseSigner, type ReleaseSignerOptions } from './release-signer.js';
import { resolveRepository } from './resolve-repository.js';

export interface PrepareReleaseOptions {
  loaded: LoadedConfig;
  version: ResolvedVersion;
  /** The archives, as create-release's `artifacts` input names them. */
  artifacts: string;
  /** Where the SBOM, SHA256SUMS and signatures are written (created when missing). */
  outDir: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
  /** Write the SBOM and SHA256SUMS and check the key, but sign nothing (keyless signing is a public write). */
  dryRun: boolean;
  sigstore?: ReleaseSignerOptions['sigstore'];
}

export interface PreparedRelease {
  /** The SHA256SUMS written: the subjects of the provenance attestation. */
  checksums: string;
  /** Every file written into outDir (SBOM, installers, SHA256SUMS, signatures). */
  files: string[];
}

/**
 * The sign job's half of the hub: everything about the release's files that needs a secret or the
 * OIDC token but no write access to the repository. It writes the SBOM, the installers, SHA256SUMS
 * over the archives and those, and the signatures of SHA256SUMS; the release job, which holds
 * `contents: write` and nothing else, then uploads them with the archives. Both halves render
 * SHA256SUMS with the same function, and create-release refuses one that does not list exactly the
 * files it is given.
 */
export async function prepareRelease(options: PrepareReleaseOptions): Promise<PreparedRelease> {
  const { loaded, version, log } = options;
  const config = loaded.config;
  // An incomplete or unexpected folder stops the sign job before it signs or attests anything
  // (keyless signing and attestation are public writes), as the hub would refuse it after.
  const collected = await collectReleaseArtifacts(options.artifacts, options.cwd, loaded, version);
  const installerNames: string[] = Object.values(INSTALLER_FILES);
  const packageFiles = suppliedPackageFiles(config, collected);
  const stray = collected.filter((f) => basename(f) === SHA256SUMS_NAME || isSignatureFile(basename(f)) || installerNames.includes(basename(f)) || packageFiles.includes(f));
  if (stray.length > 0) {
    log.warning(`ignoring ${stray.map((f) => basename(f)).join(', ')} among the archives: this step makes SHA256SUMS, its signatures, the installers and the Linux packages`);
  }
  const content = collected.filter((f) => !stray.includes(f));
  // Secrets first: a missing key stops the job before anything is written.
  const signer = releaseSigner({ config, env: options.env, log, ...(options.sigstore ? { sigstore: options.sigstore } : {}) });
  await signer?.check();
  await mkdir(options.outDir, { recursive: true });

  const written: string[] = [];
  // Each archive is read once: the SBOM's subjects and SHA256SUMS share these digests.
  const archives = await describeLocalAssets(content);
  const { owner, repo } = resolveRepository(loaded, options.env);
  const sbom = await withReleaseSbom(config.release?.sbom ?? true, content, {
    projectName: config.project.name,
    version: version.version,
    repository: `${owner}/${repo}`,
    tag: version.tag,
    projectDir: dirname(resolve(options.cwd, loaded.file)),
    digests: digestsOf(archives),
    outDir: options.outDir,
    log,
  });
  if (sbom.generated) written.push(sbom.generated);
  // The installers are files of the release too, so SHA256SUMS (and its signature) vouches for them.
  const serverUrl = options.env.GITHUB_SERVER_URL ?? 'https://github.com';
  written.push(...(await writeReleaseInstallers({ config, version, serverUrl, owner, repo, outDir: options.outDir, log })));
  written.push(...(await writeReleasePackages({ config, version, files: content, env: options.env, outDir: options.outDir, log })));
  const described = [...archives, ...(await describeLocalAssets(written))];
  const sums = await writeChecksumsAsset(described, options.outDir);
  written.push(sums.path);
  log.info(`SHA256SUMS lists ${described.length} files`);

  if (signer) {
    if (options.dryRun) log.info(`[dry run] would sign SHA256SUMS into ${signer.names.join(', ')}`);
    else written.push(...(await signer.sign(sums.path, signer.names, options.outDir)));
  }
  return { checksums: sums.path, files: written };
}
