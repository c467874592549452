import semver from 'semver';
import type { RegistryClient } from './registry-client.js';
import { getManifest } from './registry-operations.js';

const VERSION_ANNOTATION = 'org.opencontainers.image.version';

/** The version an image says it is: the index's (or manifest's) `org.opencontainers.image.version`. */
export async function versionAt(client: RegistryClient, repository: string, tag: string): Promise<{ version?: string; digest?: string } | undefined> {
  const found = await getManifest(client, repository, tag);
  if (!found) return undefined;
  let version: string | undefined;
  try {
    const parsed = JSON.parse(found.bytes.toString('utf8')) as { annotations?: Record<string, string> };
    version = parsed.annotations?.[VERSION_ANNOTATION];
  } catch {
    // not our image, or not JSON: its version is unknown
  }
  return { ...(version ? { version } : {}), ...(found.digest ? { digest: found.digest } : {}) };
}

/**
 * Whether a floating tag (`latest`, `1.2`) already points at a newer release than `ours`. Re-running an
 * old release's spoke (a selective redeploy of 1.0.0 after 1.1.0 shipped) must not drag `latest` back;
 * moving it back on purpose is what rollback is for.
 */
export async function heldByNewer(client: RegistryClient, repository: string, tag: string, ours: string): Promise<string | undefined> {
  const holder = await versionAt(client, repository, tag);
  const theirs = holder?.version;
  if (!theirs || !semver.valid(theirs) || !semver.valid(ours)) return undefined;
  return semver.gt(theirs, ours) ? theirs : undefined;
}

