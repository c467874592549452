import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LoadedConfig } from '@deployforge/config';
import { ConfigurationError, errorMessage } from '@deployforge/diagnostics';
import { archiveName, binaryName } from '@deployforge/targets';

/** `./hello` and `hello` are the same root entry; archives made by other tools use either. */
const rootName = (path: string): string => path.replace(/^\.\//, '');

/**
 * Whether the archive's root holds `file`, and the archive's SHA-256 from the same read (the whole
 * file passes through the parser); throws when the archive cannot be read at all.
 */
async function tarGzHasRootFile(archive: string, file: string): Promise<{ found: boolean; sha256: string }> {
  // Loaded here: only `release --artifacts` reads archives, and the CLI's start-up stays light.
  const { Parser } = await import('tar');
  let found = false;
  // strict: a file that is not gzip/tar at all (an empty or HTML download) is an error, not "no entries".
  const parser = new Parser({ strict: true, onReadEntry: (entry) => {
    if (rootName(entry.path) === file && (entry.type === 'File' || entry.type === 'OldFile')) found = true;
    entry.resume();
  } });
  const hash = createHash('sha256');
  const hashing = new Transform({ transform(chunk: Buffer, _encoding, done) { hash.update(chunk); done(null, chunk); } });
  await pipeline(createReadStream(archive, { highWaterMark: 1 << 20 }), hashing, parser);
  return { found, sha256: hash.digest('hex') };
}

async function zipHasRootFile(archive: string, file: string): Promise<boolean> {
  const { default: yauzl } = await import('yauzl');
  const zip = await new Promise<import('yauzl').ZipFile>((resolve, reject) =>
    yauzl.open(archive, { lazyEntries: true, autoClose: true }, (error, z) => (error ? reject(error) : resolve(z))));
  return new Promise<boolean>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(false));
    zip.on('entry', (entry: import('yauzl').Entry) => {
      if (rootName(entry.fileName) === file) {
        zip.close();
        resolve(true);
      } else zip.readEntry();
    });
    zip.readEntry();
  });
}

/**
 * `release --artifacts` takes archives built elsewhere, and every spoke takes the binary from the
 * root of its target's archive. An archive that is not one (an empty file, an HTML error page saved
 * by a download) or that lacks the binary at its root would be uploaded and published as is, and
 * fail later in every spoke, or in users' hands. So each configured target's archive is opened
 * before the first request: bad input, exit 2, naming each file and what it lacks.
 *
 * Returns the SHA-256 (by path) of each .tar.gz, read whole to be checked: the release takes them as
 * a build's digests, so SHA256SUMS, the SBOM and a re-run's comparison do not read those archives
 * again (a .zip is checked from its central directory alone, and hashed where it is uploaded).
 */
export async function checkArchiveBinaries(files: readonly string[], loaded: LoadedConfig, version: string): Promise<ReadonlyMap<string, string>> {
  const { config } = loaded;
  const byName = new Map(files.map((f) => [basename(f), f]));
  const problems: string[] = [];
  const digests = new Map<string, string>();
  for (const target of config.build?.targets ?? []) {
    const archive = byName.get(archiveName(config.project.name, version, target));
    if (archive === undefined) continue; // a missing archive is collectReleaseArtifacts' error
    const binary = binaryName(config.build?.binary ?? config.project.name, target);
    try {
      let found: boolean;
      if (archive.endsWith('.zip')) found = await zipHasRootFile(archive, binary);
      else {
        const read = await tarGzHasRootFile(archive, binary);
        found = read.found;
        digests.set(archive, read.sha256);
      }
      if (!found) problems.push(`${archive}: no ${binary} at its root (build.binary in ${loaded.file}); every platform takes the binary from there`);
    } catch (error) {
      problems.push(`${archive}: not a readable ${archive.endsWith('.zip') ? '.zip' : '.tar.gz'} archive (${errorMessage(error)})`);
    }
  }
  if (problems.length === 0) return digests;
  throw ConfigurationError.forInput('--artifacts', `${problems.length} archive(s) cannot be released as they are:\n  ${problems.join('\n  ')}\nNothing was created or uploaded.`);
}
