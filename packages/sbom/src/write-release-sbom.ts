import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Logger } from '@deployforge/diagnostics';
import { sha256File } from '@deployforge/github';
import { sbomFileName } from './sbom-file-name.js';

export interface WriteReleaseSbomOptions {
  projectName: string;
  version: string;
  repository?: string;
  tag?: string;
  /** Where the lockfile is looked for: the directory of deployforge.yml. */
  projectDir: string;
  /** The release archives, described by their base names and SHA-256. */
  files: readonly string[];
  /** SHA-256 of `files` by path, when the caller hashed them already (each archive is read once). */
  digests?: ReadonlyMap<string, string>;
  outDir: string;
  log: Logger;
}

/**
 * Write `<name>-<version>.cdx.json` into `outDir` and return its path. Without a lockfile the SBOM
 * still names the archives and their digests (subject-only), and the log says why it lists no
 * packages.
 */
export async function writeReleaseSbom(options: WriteReleaseSbomOptions): Promise<string> {
  // The CycloneDX library and the lockfile parsers load here, on first use, not when an action
  // that may write an SBOM starts (issue 20: about 300 KiB that most steps never run).
  const [{ buildReleaseSbom }, { readProjectLockfile }] = await Promise.all([
    import('./build-release-sbom.js'),
    import('./project-lockfile.js'),
  ]);
  const lockfile = await readProjectLockfile(options.projectDir);
  if (!lockfile) {
    options.log.warning(
      `SBOM: no Cargo.lock, go.mod or package-lock.json in ${options.projectDir}; the SBOM lists the release archives only`,
    );
  }
  const subjects = [];
  for (const file of options.files) subjects.push({ name: basename(file), sha256: options.digests?.get(file) ?? (await sha256File(file)) });
  const text = buildReleaseSbom({
    projectName: options.projectName,
    version: options.version,
    ...(options.repository ? { repository: options.repository } : {}),
    ...(options.tag ? { tag: options.tag } : {}),
    subjects,
    packages: lockfile?.packages ?? [],
    ...(lockfile ? { lockfile: lockfile.file } : {}),
  });
  const path = join(options.outDir, sbomFileName(options.projectName, options.version));
  await writeFile(path, text);
  options.log.info(`SBOM: ${basename(path)} (${lockfile ? `${lockfile.packages.length} packages from ${lockfile.file}, ` : ''}${subjects.length} archives)`);
  return path;
}
