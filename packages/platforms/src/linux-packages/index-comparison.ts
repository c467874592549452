import { createHash } from 'node:crypto';
import type { BuiltJob } from './build-packages.js';
import { findStanza } from './apt-repository.js';
import type { RepositoryState } from './repository-state.js';
import { listedDigest } from './yum-repository.js';

export type ListedState = 'absent' | 'identical' | 'different';

/**
 * How the repository's index lists one built package: the same sha256 (identical), another one
 * (different: a rebuilt release, refused without force), or not at all. `.apk` files have no
 * index here, so they are compared by the file on the branch (same git blob = identical).
 */
export function listedState(state: RepositoryState, built: BuiltJob, blobOf: (path: string) => string | undefined, apkPath: (b: BuiltJob) => string): ListedState {
  const { job, pkg } = built;
  if (job.format === 'deb') {
    const stanza = findStanza(state.apt, job.arch, pkg);
    if (!stanza) return 'absent';
    return stanza.fields.get('SHA256') === pkg.sha256 ? 'identical' : 'different';
  }
  if (job.format === 'rpm') {
    const digest = listedDigest(state.yum, pkg.rpm!);
    if (!digest) return 'absent';
    return digest === pkg.sha256 ? 'identical' : 'different';
  }
  const blob = blobOf(apkPath(built));
  if (!blob) return 'absent';
  return blob === gitBlobId(pkg.data) ? 'identical' : 'different';
}

/** Git's blob id of some bytes: sha1 of `blob <size>\0` + bytes. */
export function gitBlobId(data: Uint8Array): string {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}
