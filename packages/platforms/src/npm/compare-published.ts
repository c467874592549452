import { rm } from 'node:fs/promises';
import type { PackedPackage } from './pack-packages.js';
import { downloadTarball, type Packument, type RegistryEndpoint } from './registry-client.js';
import { tarballDigests } from './tarball.js';
import { packageVersionState } from './version-state.js';

export type PublishedComparison =
  | { state: 'absent' | 'burned'; detail: string }
  | { state: 'identical' | 'different'; detail: string };

/**
 * Does the registry hold exactly this package at this version? Same `dist.integrity` → identical.
 * Otherwise the published tarball is downloaded and its *uncompressed* bytes compared with ours,
 * so a runner with another zlib (other compressed bytes, same files) still sees identical.
 */
export async function comparePublished(endpoint: RegistryEndpoint, packument: Packument | undefined, version: string, packed: PackedPackage): Promise<PublishedComparison> {
  const ours = packed.tarball;
  const found = packageVersionState(packument, version, ours.integrity);
  const id = `${packed.name}@${version}`;
  switch (found.state) {
    case 'absent':
      return { state: 'absent', detail: `${id} is not published` };
    case 'burned':
      return { state: 'burned', detail: `${id} was published and unpublished (the packument still lists its time)` };
    case 'identical':
      return { state: 'identical', detail: `${id} has ${ours.integrity.slice(0, 22)}…` };
    case 'integrity-differs':
      break;
  }
  if (!found.tarball) {
    return { state: 'different', detail: `${id} has integrity ${found.integrity ?? '(none)'}, ours is ${ours.integrity}` };
  }
  const copy = `${ours.path}.published`;
  try {
    await downloadTarball(endpoint, found.tarball, copy);
    const theirs = await tarballDigests(copy);
    if (theirs.contentSha512 === ours.contentSha512) {
      return { state: 'identical', detail: `${id} has the same files (compressed differently: ${theirs.integrity.slice(0, 22)}…)` };
    }
    return { state: 'different', detail: `${id} has integrity ${theirs.integrity}, ours is ${ours.integrity}, and the files differ` };
  } finally {
    await rm(copy, { force: true });
  }
}
