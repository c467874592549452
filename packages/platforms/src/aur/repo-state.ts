import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSrcinfo, srcinfoValue, srcinfoValues } from './srcinfo.js';

/** What the AUR repository holds now, read from a clone. */
export interface AurRepoState {
  pkgbuild?: string;
  srcinfo?: string;
  pkgver?: string;
  pkgrel?: number;
  /** `source_<arch>=…` and `sha256sums_<arch>=…` lines of its .SRCINFO, in order. */
  sources: string[];
}

const readIfThere = (path: string): Promise<string | undefined> =>
  readFile(path, 'utf8').then(
    (t) => t,
    () => undefined,
  );

export async function readAurRepo(dir: string): Promise<AurRepoState> {
  const [pkgbuild, srcinfo] = await Promise.all([readIfThere(join(dir, 'PKGBUILD')), readIfThere(join(dir, '.SRCINFO'))]);
  if (!srcinfo) return { ...(pkgbuild ? { pkgbuild } : {}), sources: [] };
  const sections = parseSrcinfo(srcinfo);
  const pkgver = srcinfoValue(sections, 'pkgver');
  const pkgrel = Number(srcinfoValue(sections, 'pkgrel'));
  return {
    ...(pkgbuild ? { pkgbuild } : {}),
    srcinfo,
    ...(pkgver ? { pkgver } : {}),
    ...(Number.isInteger(pkgrel) && pkgrel > 0 ? { pkgrel } : {}),
    sources: srcinfoValues(sections, /^(?:source|sha256sums)_/),
  };
}

/** The same lines from a rendered .SRCINFO, for comparing what the binaries are. */
export function renderedSources(srcinfo: string): string[] {
  return srcinfoValues(parseSrcinfo(srcinfo), /^(?:source|sha256sums)_/);
}
