import { browseUrl, commitAndPush, releaseCommitMessage } from '../git-remote/index.js';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { aptFiles } from '../linux-packages/apt-repository.js';
import { indexSigner, MISSING_KEY } from '../linux-packages/release-package-assets.js';
import { compareApt } from './apt-repository-state.js';

/**
 * Adds the release's .deb assets to the apt repository on the branch in one commit: pool files,
 * `Packages` per architecture keeping older entries, and a re-signed `Release`/`InRelease`/
 * `Release.gpg`, with the public key beside them as `key.asc`. A re-run finds every .deb listed
 * with the same digest and writes nothing; a listed .deb with another digest is never replaced.
 */
export async function publishApt(ctx: PlatformContext, _files: RenderedFile[]): Promise<PublishResult> {
  const signer = await indexSigner(ctx);
  if (!signer) return { status: 'failed', detail: MISSING_KEY };
  const c = await compareApt(ctx);
  const where = `${c.snapshot.branch} of ${c.target.remote.spec}`;
  const url = browseUrl(c.target.remote, c.layout.base.replace(/\/$/, ''), c.snapshot.branch);
  const different = c.debs.filter((_, i) => c.listed[i] === 'different').map((d) => d.built.fileName);
  if (different.length) {
    return { status: 'failed', url, detail: `${where} already lists ${different.join(', ')} with other sha256 digests; a published package is never replaced (users may have installed it): release a new version` };
  }
  const todo = c.debs.filter((_, i) => c.listed[i] !== 'identical');
  if (todo.length === 0) return { status: 'skipped', url, detail: `${where} already lists all ${c.debs.length} .deb package(s) of ${ctx.version.version} with the same sha256; nothing pushed` };

  const files: RenderedFile[] = [
    { path: `${c.layout.base}key.asc`, contents: signer.publicKey },
    ...(await aptFiles({ layout: c.layout, state: c.state, debs: todo.map((d) => ({ arch: d.arch, deb: d.built })), signer, origin: ctx.config.project.name, now: new Date() })),
  ];
  const { subject, body } = releaseCommitMessage(ctx, ctx.config.project.name, 'apt repository');
  const result = await commitAndPush(c.target, { ...(c.block.branch ? { branch: c.block.branch } : {}), files, subject, body });
  if (!result.changed) return { status: 'skipped', url, detail: `${where} already has these files; nothing pushed` };
  ctx.log.info(`apt: indexes signed by ${signer.fingerprint}`);
  return { status: 'published', url, detail: `added ${todo.map((d) => d.built.fileName).join(', ')} to ${where} (${result.commit.slice(0, 12)})` };
}
