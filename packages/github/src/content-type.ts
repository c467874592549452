import { basename } from 'node:path';

/**
 * Content-Type for a release asset. GitHub serves downloads with the type given at upload, and some
 * installers (Homebrew, browsers) look at it, so archives get their real types rather than one
 * catch-all.
 */
export function contentTypeFor(fileName: string): string {
  const name = basename(fileName).toLowerCase();
  if (name.endsWith('.tar.gz') || name.endsWith('.tgz') || name.endsWith('.gz')) return 'application/gzip';
  if (name.endsWith('.zip')) return 'application/zip';
  if (name.endsWith('.tar.xz') || name.endsWith('.xz')) return 'application/x-xz';
  if (name.endsWith('.tar.zst') || name.endsWith('.zst')) return 'application/zstd';
  if (name.endsWith('.tar')) return 'application/x-tar';
  if (name.endsWith('.json') || name.endsWith('.jsonl') || name.endsWith('.intoto.jsonl')) return 'application/json';
  if (name.endsWith('.sig') || name.endsWith('.asc')) return 'application/pgp-signature';
  if (name === 'sha256sums' || name.endsWith('.txt') || name.endsWith('.sha256')) return 'text/plain';
  return 'application/octet-stream';
}
