import { createHash } from 'node:crypto';
import type { BuiltJob } from './build-packages.js';
import { findStanza } from './apt-repository.js';
import type { RepositoryState } from './repository-state.js';
import { rpmIdentity } from './rpm-package.js';
import { listedEntry } from './yum-repository.js';

export type ListedState = 'absent' | 'identical' | 'different';

export interface BranchFiles {
  /** Git blob id of a file on the branch. */
  blob(path: string): string | undefined;
  /** A file's bytes on the branch. */
  bytes(path: string): Promise<Buffer | undefined>;
}

/**
 * How the repository lists one built package: the same bytes (identical), other bytes (different:
 * a rebuilt release, refused), or not at all.
 * - .deb: the `Packages` entry's SHA256;
 * - .rpm: primary.xml's sha256, or else the package on the branch has the same main header and
 *   payload (it was signed by another key, or this run has no key to sign with, as a plan job);
 * - .apk (no index): the file on the branch, by git blob id.
 */
export async function listedState(state: RepositoryState, built: BuiltJob, files: BranchFiles, paths: { rpm: (b: BuiltJob) => string; apk: (b: BuiltJob) => string }): Promise<ListedState> {
  const { job, pkg } = built;
  if (job.format === 'deb') {
    const stanza = findStanza(state.apt, job.arch, pkg);
    if (!stanza) return 'absent';
    return stanza.fields.get('SHA256') === pkg.sha256 ? 'identical' : 'different';
  }
  if (job.format === 'rpm') {
    const entry = listedEntry(state.yum, pkg.rpm!);
    if (!entry) return 'absent';
    if (entry.pkgid === pkg.sha256) return 'identical';
    const theirs = await files.bytes(paths.rpm(built));
    if (!theirs || entry.headerStart === undefined) return 'different';
    return rpmIdentity(theirs, entry.headerStart) === rpmIdentity(pkg.data, pkg.rpm!.headerStart) ? 'identical' : 'different';
  }
  const blob = files.blob(paths.apk(built));
  if (!blob) return 'absent';
  return blob === gitBlobId(pkg.data) ? 'identical' : 'different';
}

/** Git's blob id of some bytes: sha1 of `blob <size>\0` + bytes. */
export function gitBlobId(data: Uint8Array): string {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}
