import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from 'tar';

/**
 * Take the binary out of a release archive (a tar.gz with the binary at its root: the build job's
 * layout) into `dir`, and nothing else: the archive came from the release, but an unexpected entry must
 * not land anywhere.
 */
export async function extractBinary(archive: string, binary: string, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const wanted = (path: string) => path.replace(/^\.\//, '') === binary;
  await extract({ file: archive, cwd: dir, filter: (path) => wanted(path), strict: true, preservePaths: false });
  const out = join(dir, binary);
  try {
    await access(out);
  } catch {
    throw new Error(`${binary} is not at the root of ${archive}`);
  }
  return out;
}
