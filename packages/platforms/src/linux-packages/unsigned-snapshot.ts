import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RepositorySigner } from '@deployforge/signing';
import type { RenderedFile } from '../platform.js';

/** Signature files a snapshot leaves out: it holds no key, and a made-up one would mislead. */
const SIGNATURES = /(^|\/)(InRelease|Release\.gpg|repomd\.xml\.asc|key\.asc)$/;

/**
 * A signer for `release --snapshot`, which has no key: the indexes are written as a real run would
 * write them, and the signature files (dropped by writeUnsignedRepository) are left out.
 */
export const SNAPSHOT_SIGNER = {
  fingerprint: 'snapshot (unsigned)',
  publicKey: '',
  clearsign: async () => '',
  detach: async () => '',
} as unknown as RepositorySigner;

/** A fixed date, so two snapshots of the same release write the same index bytes. */
export const SNAPSHOT_DATE = new Date(Date.UTC(2000, 0, 1));

/** Writes the repository files under `outDir`, without the signature files; returns their paths. */
export async function writeUnsignedRepository(files: readonly RenderedFile[], outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const f of files) {
    if (SIGNATURES.test(f.path)) continue;
    await mkdir(dirname(join(outDir, f.path)), { recursive: true });
    await writeFile(join(outDir, f.path), f.contents);
    written.push(f.path);
  }
  return written;
}
