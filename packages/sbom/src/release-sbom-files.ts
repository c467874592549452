import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Logger } from '@deployforge/diagnostics';
import { isReleaseMetadataFile, isSbomFile } from './sbom-file-name.js';
import { writeReleaseSbom, type WriteReleaseSbomOptions } from './write-release-sbom.js';

export interface ReleaseSbomFiles {
  /** The files to upload: the archives, plus the SBOM when one was generated. */
  files: string[];
  /** The SBOM this call wrote, when it wrote one. */
  generated?: string;
  /** Removes the SBOM's temp dir; call once the upload is over, whatever happened. */
  cleanup(): Promise<void>;
}

/**
 * The hub's SBOM step: with `release.sbom` on, add `<name>-<version>.cdx.json` to the files so it
 * is uploaded with the archives and listed in SHA256SUMS. It is written to a temp dir, not into
 * the artifacts folder: a second local run over the same folder must not find last run's SBOM and
 * describe it as an archive. An SBOM the user built and put among the artifacts (`*.cdx.json`,
 * `*.spdx.json`) is passed through as it is, and none is generated next to it.
 */
export async function withReleaseSbom(
  enabled: boolean,
  files: readonly string[],
  options: Omit<WriteReleaseSbomOptions, 'files' | 'outDir' | 'log'> & {
    log: Logger;
    /** Write the SBOM here and keep it (the sign job hands it on); default: a temp dir removed by cleanup. */
    outDir?: string;
  },
): Promise<ReleaseSbomFiles> {
  const none = { files: [...files], cleanup: async () => {} };
  if (!enabled) return none;
  const supplied = files.filter((f) => isSbomFile(basename(f)));
  if (supplied.length > 0) {
    options.log.info(`SBOM: uploading ${supplied.map((f) => basename(f)).join(', ')} from the artifacts as is`);
    return none;
  }
  const archives = files.filter((f) => !isReleaseMetadataFile(basename(f)));
  if (options.outDir) {
    const sbom = await writeReleaseSbom({ ...options, files: archives, outDir: options.outDir });
    return { files: [...files, sbom], generated: sbom, cleanup: async () => {} };
  }
  const outDir = await mkdtemp(join(tmpdir(), 'deployforge-sbom-'));
  try {
    const sbom = await writeReleaseSbom({ ...options, files: archives, outDir });
    return { files: [...files, sbom], generated: sbom, cleanup: () => rm(outDir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}
