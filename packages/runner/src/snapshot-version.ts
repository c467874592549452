import type { LoadedConfig } from '@deployforge/config';
import { parseVersionInput, resolveVersion, type ResolvedVersion, type VersionFrom } from '@deployforge/version';
import { inc, parse, rsort, valid } from 'semver';
import { gitStdout as git } from './git-stdout.js';

/**
 * The version a snapshot would release next, before the `-snapshot` suffix: a version file's own
 * version (it is what the next tag must say), else the newest `<prefix>X.Y.Z` tag reachable from
 * HEAD with its patch bumped (GoReleaser's `incpatch`), else 0.1.0 for a repository with no tags.
 */
export async function nextVersion(loaded: LoadedConfig, projectDir: string): Promise<string> {
  const from = (loaded.config.version?.from ?? 'tag') as VersionFrom;
  const tagPrefix = loaded.config.version?.['tag-prefix'] ?? 'v';
  if (from !== 'tag' && from !== 'input') {
    const declared = await resolveVersion({ from, tagPrefix, cwd: projectDir, configFile: loaded.file });
    return parse(declared.version)?.version.replace(/[-+].*$/, '') ?? declared.version;
  }
  const tags = ((await git(projectDir, ['tag', '--merged', 'HEAD', '--list', `${tagPrefix}*`])) ?? '').split('\n').filter(Boolean);
  const versions = tags.map((t) => t.slice(tagPrefix.length)).filter((v) => valid(v) !== null);
  const newest = rsort(versions)[0];
  if (!newest) return '0.1.0';
  // 1.3.0-rc.1 → 1.3.0 (its final release is next); 1.2.3 → 1.2.4.
  return inc(newest, 'patch')!;
}

/**
 * The short commit `tag` already marks when that is not HEAD, else undefined (no such tag, the tag
 * is this very commit, or no git). A version file's version (Cargo.toml…) stays the same after its
 * release until someone bumps it: the next snapshot must not say "tag v0.1.0" again.
 */
export async function tagElsewhere(projectDir: string, tag: string): Promise<string | undefined> {
  const tagged = await git(projectDir, ['rev-parse', '-q', '--verify', `refs/tags/${tag}^{commit}`]);
  if (!tagged) return undefined;
  const head = await git(projectDir, ['rev-parse', 'HEAD']);
  return tagged === head ? undefined : tagged.slice(0, 7);
}

/** The commit a snapshot is of: short SHA, with `.dirty` when the work tree has changes; `local` outside git. */
export async function snapshotCommit(projectDir: string): Promise<string> {
  const sha = await git(projectDir, ['rev-parse', '--short=7', 'HEAD']);
  if (!sha) return 'local';
  const status = await git(projectDir, ['status', '--porcelain', '--untracked-files=no']);
  return status ? `${sha}.dirty` : sha;
}

/**
 * `<next>-snapshot+<short sha>`, or the `--version` given. A snapshot version is a prerelease with
 * build metadata, so no registry would take it as `latest`; PyPI has no such form, so its wheels
 * carry the PEP 440 development release `<next>.dev0+<sha>` (a local version: never uploadable).
 */
export async function snapshotVersion(loaded: LoadedConfig, projectDir: string, given?: string): Promise<ResolvedVersion> {
  const tagPrefix = loaded.config.version?.['tag-prefix'] ?? 'v';
  if (given !== undefined) return parseVersionInput(given, { tagPrefix, origin: '--version' });
  const next = await nextVersion(loaded, projectDir);
  const commit = await snapshotCommit(projectDir);
  const resolved = parseVersionInput(`${next}-snapshot+${commit}`, { tagPrefix, origin: '--snapshot' });
  // The build-metadata warning is about publishing; a snapshot publishes nothing.
  delete resolved.warnings;
  return { ...resolved, pypiVersion: `${next}.dev0+${commit.replace(/[^a-z0-9]/gi, '.')}` };
}
