import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '@deployforge/diagnostics';
import { parseCargoLock } from './cargo-lock.js';
import { parseGoMod } from './go-modules.js';
import type { LockedPackage } from './locked-package.js';
import { parsePackageLock } from './npm-lock.js';

/** The lockfiles read, in the order they are looked for (a Rust or Go CLI may carry npm tooling too). */
const LOCKFILES: ReadonlyArray<{ file: string; parse: (text: string) => LockedPackage[] }> = [
  { file: 'Cargo.lock', parse: parseCargoLock },
  { file: 'go.mod', parse: parseGoMod },
  { file: 'package-lock.json', parse: parsePackageLock },
];

export interface ProjectLockfile {
  /** The file name, e.g. `Cargo.lock`. */
  file: string;
  packages: LockedPackage[];
}

/**
 * The first lockfile found in the project directory and its packages, or undefined when there is
 * none. A lockfile that exists but cannot be parsed throws, naming it: an SBOM that silently
 * lists nothing would be worse than none.
 */
export async function readProjectLockfile(projectDir: string): Promise<ProjectLockfile | undefined> {
  for (const { file, parse } of LOCKFILES) {
    let text: string;
    try {
      text = await readFile(join(projectDir, file), 'utf8');
    } catch {
      continue;
    }
    try {
      return { file, packages: parse(text) };
    } catch (error) {
      throw new Error(`SBOM: cannot read ${join(projectDir, file)}: ${errorMessage(error)}`);
    }
  }
  return undefined;
}
