import { browseUrl, commitAndPush, releaseCommitMessage } from '../git-remote/index.js';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { indexSigner, MISSING_KEY } from '../linux-packages/release-package-assets.js';
import { yumFiles } from '../linux-packages/yum-repository.js';
import { compareYum } from './yum-repository-state.js';

/**
 * Adds the release's .rpm assets to the yum repository on the branch in one commit: the packages,
 * `repodata/` (primary, filelists, other) keeping older entries, and `repomd.xml` re-signed as
 * `repomd.xml.asc`, with the public key beside them as `key.asc`. A re-run finds every .rpm listed
 * with the same digest and writes nothing; a listed .rpm with another digest is never replaced.
 */
export async function publishYum(ctx: PlatformContext, _files: RenderedFile[]): Promise<PublishResult> {
  const signer = await indexSigner(ctx);
  if (!signer) return { status: 'failed', detail: MISSING_KEY };
  const c = await compareYum(ctx);
  const where = `${c.snapshot.branch} of ${c.target.remote.spec}`;
  const url = browseUrl(c.target.remote, c.layout.base.replace(/\/$/, ''), c.snapshot.branch);
  const different = c.rpms.filter((_, i) => c.listed[i] === 'different').map((r) => r.built.fileName);
  if (different.length) {
    return { status: 'failed', url, detail: `${where} already lists ${different.join(', ')} with other sha256 digests; a published package is never replaced (users may have installed it): release a new version` };
  }
  const todo = c.rpms.filter((_, i) => c.listed[i] !== 'identical');
  if (todo.length === 0) return { status: 'skipped', url, detail: `${where} already lists all ${c.rpms.length} .rpm package(s) of ${ctx.version.version} with the same sha256; nothing pushed` };

  const files: RenderedFile[] = [
    { path: `${c.layout.base}key.asc`, contents: signer.publicKey },
    ...(await yumFiles({ layout: c.layout, state: c.state, rpms: todo.map((r) => ({ pkg: r.built, facts: r.built.rpm! })), signer, now: new Date() })),
  ];
  const { subject, body } = releaseCommitMessage(ctx, ctx.config.project.name, 'yum repository');
  const result = await commitAndPush(c.target, { ...(c.block.branch ? { branch: c.block.branch } : {}), files, subject, body });
  if (!result.changed) return { status: 'skipped', url, detail: `${where} already has these files; nothing pushed` };
  ctx.log.info(`yum: repomd.xml signed by ${signer.fingerprint}`);
  return { status: 'published', url, detail: `added ${todo.map((r) => r.built.fileName).join(', ')} to ${where} (${result.commit.slice(0, 12)})` };
}
