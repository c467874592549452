/**
 * What the Snap Store's answers, as snapcraft prints them, mean for us. The wordings are the
 * store's and snapcraft's own (see the stand-in in test/fixtures/snap for samples).
 */

export type UploadAnswer =
  | { kind: 'uploaded'; revision?: number }
  | { kind: 'duplicate' }
  | { kind: 'credentials-expired' }
  | { kind: 'not-registered' }
  | { kind: 'failed'; tail: string };

/** The command a person runs to mint new credentials (scoped to this snap and its channels). */
export function exportLoginCommand(name: string, channels: readonly string[]): string {
  return `snapcraft export-login --snaps=${name} --channels=${channels.join(',')} --acls=package_access,package_push,package_update,package_release -`;
}

const CREDENTIALS_EXPIRED = /credentials are no longer valid|expired macaroon|macaroon.*(?:expired|needs refresh)|invalid credentials|\b401\b|unauthorized/i;
const DUPLICATE = /a file with this exact same content has already been uploaded/i;
const NOT_REGISTERED = /not registered|snap not found for the given snap name|was not found in the snap store/i;

/** `snapcraft upload` for one file. */
export function classifyUpload(code: number, output: string): UploadAnswer {
  if (DUPLICATE.test(output)) return { kind: 'duplicate' };
  if (code === 0) {
    const revision = /Revision (\d+) created/i.exec(output)?.[1];
    return revision ? { kind: 'uploaded', revision: Number(revision) } : { kind: 'uploaded' };
  }
  if (CREDENTIALS_EXPIRED.test(output)) return { kind: 'credentials-expired' };
  if (NOT_REGISTERED.test(output)) return { kind: 'not-registered' };
  return { kind: 'failed', tail: tail(output) };
}

export interface SnapRevision {
  revision: number;
  uploaded: string;
  arches: string[];
  version: string;
  channels: string[];
}

/**
 * `snapcraft list-revisions <name>`: a plain table, `Rev.  Uploaded  Arches  Version  Channels`
 * (Channels absent when nothing was ever released), arches and channels comma-separated, an
 * active channel marked with `*`.
 */
export function parseRevisions(output: string): SnapRevision[] {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const header = lines.findIndex((l) => /^Rev\.\s+Uploaded\s+Arches\s+Version/.test(l));
  if (header < 0) return [];
  const revisions: SnapRevision[] = [];
  for (const line of lines.slice(header + 1)) {
    const [rev, uploaded, arches, version, channels] = line.split(/\s+/);
    if (!rev || !/^\d+$/.test(rev) || !uploaded || !arches || !version) continue;
    revisions.push({
      revision: Number(rev),
      uploaded,
      arches: arches.split(','),
      version,
      channels: !channels || channels === '-' ? [] : channels.split(',').map((c) => c.replace(/\*$/, '')),
    });
  }
  return revisions;
}

/** The last few lines of a tool's output, for an error detail. */
export function tail(output: string, lines = 8): string {
  return output.trim().split('\n').slice(-lines).join('\n');
}

export function credentialsExpired(output: string): boolean {
  return CREDENTIALS_EXPIRED.test(output);
}

export function notRegistered(output: string): boolean {
  return NOT_REGISTERED.test(output);
}
