import type { RepositorySigner } from '@deployforge/signing';
import type { Existence } from '../existence.js';
import { browseUrl, commitAndPush, readRemoteBranch, releaseCommitMessage, type GitTarget, type RemoteSnapshot } from '../git-remote/index.js';
import type { LiveStatus, PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { indexSigner, MISSING_KEY } from './release-package-assets.js';
import type { ReleasePackage } from './release-packages.js';
import { packageRepositoryTarget, type RepositoryBlock } from './repository-target.js';

/** How a repository's index lists one of the release's packages. */
export type Listed = 'absent' | 'identical' | 'different';

/**
 * A signed package repository (apt or yum) on its branch, read against the release's packages of
 * its kind: what the apt and yum spokes each compute first, in their own format.
 */
export interface RepositoryComparison {
  block: RepositoryBlock;
  /** The repository's folder in the git repository, with a trailing `/` (`''` for its root). */
  layout: { base: string };
  target: GitTarget;
  snapshot: RemoteSnapshot;
  /** The release's `.deb` (apt) or `.rpm` (yum) assets. */
  packages: ReleasePackage[];
  /** How the index lists each of `packages`, in order. */
  listed: Listed[];
}

/** How a spoke speaks of its repository in what it reports. */
export interface RepositoryWords {
  /** The platform id, which starts its log lines. */
  id: 'apt' | 'yum';
  /** The package kind: `deb`, `rpm`. */
  kind: string;
  /** Its index, as in "not yet in the apt index". */
  index: string;
  /** The repository, as in the commit message "… to the apt repository". */
  repository: string;
  /** What the signature covers, as in "indexes signed by". */
  signed: string;
}

/** The repository's branch as it is now, read with LINUX_REPO_TOKEN. */
export async function readRepositoryBranch(ctx: PlatformContext, block: RepositoryBlock, words: RepositoryWords): Promise<{ target: GitTarget; snapshot: RemoteSnapshot }> {
  const target = packageRepositoryTarget(ctx, block, words.id);
  const snapshot = await readRemoteBranch(target, block.branch, `reading the ${words.repository} from ${target.remote.spec}`);
  return { target, snapshot };
}

/** How an index lists each package, given the sha256 it lists for one (undefined: not listed). */
export function listedBy(packages: readonly ReleasePackage[], listedSha256: (p: ReleasePackage) => string | undefined): Listed[] {
  return packages.map((p) => {
    const sha256 = listedSha256(p);
    return sha256 === undefined ? 'absent' : sha256 === p.sha256 ? 'identical' : 'different';
  });
}

/**
 * The status of a repository: the highest of the (semver) versions its index lists for the project,
 * not the last one added, since the repository keeps every version.
 */
export async function repositoryStatus(ctx: PlatformContext, versions: ReadonlySet<string>, where: { url: string; branch: string }, words: RepositoryWords): Promise<LiveStatus> {
  const { url, branch } = where;
  if (versions.size === 0) return { url, detail: `no ${ctx.config.project.name} package in ${words.index} on ${branch}` };
  const { compare } = await import('semver');
  const latest = [...versions].sort((a, b) => compare(a, b, true)).at(-1)!;
  return { latest, url, detail: `${versions.size} version(s) in ${words.index} on ${branch}` };
}

const named = (c: RepositoryComparison, want: Listed) => c.packages.filter((_, i) => c.listed[i] === want).map((p) => p.built.fileName);

/**
 * Identical when the index lists every package of this release with the same sha256; different
 * when one is listed with another digest; absent otherwise (a partial earlier run is completed).
 */
export function repositoryExistence(ctx: PlatformContext, c: RepositoryComparison, words: RepositoryWords): Existence {
  const where = `${c.snapshot.branch} of ${c.block.repository}`;
  const different = named(c, 'different');
  if (different.length) return { state: 'different', detail: `${words.index} on ${where} lists ${different.join(', ')} with other sha256 digests` };
  const absent = named(c, 'absent');
  if (absent.length === 0) return { state: 'identical', detail: `${words.index} on ${where} lists all ${c.packages.length} .${words.kind} package(s) of ${ctx.version.version} with the same sha256` };
  return { state: 'absent', detail: `not yet in ${words.index} on ${where}: ${absent.join(', ')}` };
}

/**
 * Adds the release's packages the index does not list yet to the repository on its branch, in one
 * commit: `indexFiles` writes them with the format's re-signed indexes, and the public key goes
 * beside them as `key.asc`. A re-run finds every package listed with the same digest and writes
 * nothing; a listed package with another digest is never replaced (users may have installed it).
 */
export async function addToRepository<C extends RepositoryComparison>(
  ctx: PlatformContext,
  compare: (ctx: PlatformContext) => Promise<C>,
  words: RepositoryWords,
  indexFiles: (c: C, todo: ReleasePackage[], signer: RepositorySigner) => Promise<RenderedFile[]>,
): Promise<PublishResult> {
  const signer = await indexSigner(ctx);
  if (!signer) return { status: 'failed', detail: MISSING_KEY };
  const c = await compare(ctx);
  const where = `${c.snapshot.branch} of ${c.target.remote.spec}`;
  const url = browseUrl(c.target.remote, c.layout.base.replace(/\/$/, ''), c.snapshot.branch);
  const different = named(c, 'different');
  if (different.length) {
    return { status: 'failed', url, detail: `${where} already lists ${different.join(', ')} with other sha256 digests; a published package is never replaced (users may have installed it): release a new version` };
  }
  const todo = c.packages.filter((_, i) => c.listed[i] !== 'identical');
  if (todo.length === 0) return { status: 'skipped', url, detail: `${where} already lists all ${c.packages.length} .${words.kind} package(s) of ${ctx.version.version} with the same sha256; nothing pushed` };

  const files: RenderedFile[] = [{ path: `${c.layout.base}key.asc`, contents: signer.publicKey }, ...(await indexFiles(c, todo, signer))];
  const { subject, body } = releaseCommitMessage(ctx, ctx.config.project.name, words.repository);
  const result = await commitAndPush(c.target, { ...(c.block.branch ? { branch: c.block.branch } : {}), files, subject, body });
  if (!result.changed) return { status: 'skipped', url, detail: `${where} already has these files; nothing pushed` };
  ctx.log.info(`${words.id}: ${words.signed} signed by ${signer.fingerprint}`);
  return { status: 'published', url, detail: `added ${todo.map((p) => p.built.fileName).join(', ')} to ${where} (${result.commit.slice(0, 12)})` };
}
