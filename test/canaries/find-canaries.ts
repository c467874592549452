import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CanaryHit {
  canary: string;
  where: string;
}

/**
 * What to search for, per canary: the canary as it is, URL-encoded, JSON-escaped, and base64-encoded
 * alone and inside the credentials servers and git build from a token (`x-access-token:CANARY`,
 * `user:CANARY`, `CANARY:`). The base64 forms are cut before their last 3 characters, which depend on
 * what follows the canary in a longer encoded text.
 */
export function canaryNeedles(canaries: readonly string[]): string[] {
  const b64 = (text: string): string => Buffer.from(text).toString('base64').replace(/=+$/, '').slice(0, -3);
  return [...new Set(canaries.flatMap((c) => [
    c, encodeURIComponent(c), JSON.stringify(c).slice(1, -1),
    ...['', 'x-access-token:', ':', 'someone:', 'ab:'].map((prefix) => b64(`${prefix}${c}`)),
    b64(`${c}:`),
  ]))];
}

/** Every (canary, place) pair where a secret shows up in the given texts. */
export function canariesInTexts(canaries: readonly string[], texts: Record<string, string>): CanaryHit[] {
  const hits: CanaryHit[] = [];
  for (const [where, text] of Object.entries(texts)) for (const canary of canaries) if (text.includes(canary)) hits.push({ canary, where });
  return hits;
}

/**
 * Every file under `root` (work dirs, rendered packages, status.json, the dashboard, clones'
 * .git/config) whose raw bytes contain a canary. Symlinks are not followed; files over 64 MiB
 * (release archives) are skipped since they are built before any credential is read.
 */
export function canariesInFiles(canaries: readonly string[], root: string): { hits: CanaryHit[]; files: number } {
  const hits: CanaryHit[] = [];
  const needles = canaries.map((c) => Buffer.from(c));
  let files = 0;
  const walk = (dir: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      const stat = lstatSync(path, { throwIfNoEntry: false });
      if (!stat || stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile() && stat.size < 64 * 1024 * 1024) {
        files += 1;
        let bytes: Buffer;
        try {
          bytes = readFileSync(path);
        } catch {
          continue;
        }
        needles.forEach((n, i) => {
          if (bytes.includes(n)) hits.push({ canary: canaries[i]!, where: path });
        });
      }
    }
  };
  walk(root);
  return { hits, files };
}
