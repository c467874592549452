import type { Logger } from '@deployforge/diagnostics';
import { fetchWithRetries } from '../fetch-with-retries.js';

/** One line of a sparse index file: one published version of the crate. */
export interface IndexEntry {
  name: string;
  vers: string;
  cksum: string;
  yanked: boolean;
}

/**
 * Where a crate's file lives in an index (Cargo's rules): names of 1 and 2 characters under `1/`
 * and `2/`, 3 characters under `3/<first char>/`, longer ones under `<chars 1-2>/<chars 3-4>/`, all
 * lowercase.
 */
export function indexFilePath(crate: string): string {
  const name = crate.toLowerCase();
  if (name.length <= 2) return `${name.length}/${name}`;
  if (name.length === 3) return `3/${name[0]}/${name}`;
  return `${name.slice(0, 2)}/${name.slice(2, 4)}/${name}`;
}

/**
 * Every version the index lists for the crate; none when the index has no file for it (404/410).
 * An unreachable index is retried (each retry logged) and then named in the error.
 */
export async function fetchIndexEntries(indexUrl: string, crate: string, signal?: AbortSignal, log?: Logger): Promise<IndexEntry[]> {
  const url = `${indexUrl}${indexFilePath(crate)}`;
  const response = await fetchWithRetries(url, { headers: { 'user-agent': 'deployforge', 'cache-control': 'no-cache' } }, {
    ...(signal ? { signal } : {}),
    ...(log ? { log } : {}),
  });
  // crates.io's index CDN answers 403 as well as 404 for a crate that does not exist.
  if (response.status === 404 || response.status === 410 || response.status === 403) {
    await response.body?.cancel();
    return [];
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`);
  }
  return parseIndexFile(await response.text());
}

export function parseIndexFile(text: string): IndexEntry[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const entry = JSON.parse(line) as Partial<IndexEntry>;
      if (typeof entry.vers !== 'string' || typeof entry.cksum !== 'string') {
        throw new Error(`an index line without vers or cksum: ${line.slice(0, 200)}`);
      }
      return { name: String(entry.name), vers: entry.vers, cksum: entry.cksum.toLowerCase(), yanked: entry.yanked === true };
    });
}

/** Cargo compares versions without build metadata: `1.0.0+a` and `1.0.0+b` are one version. */
export function findVersion(entries: readonly IndexEntry[], version: string): IndexEntry | undefined {
  const plain = version.replace(/\+.*$/, '');
  return entries.find((e) => e.vers.replace(/\+.*$/, '') === plain);
}
