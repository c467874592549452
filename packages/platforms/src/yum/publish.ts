import { addToRepository } from '../linux-packages/package-repository.js';
import { yumFiles } from '../linux-packages/yum-repository.js';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { compareYum, YUM_WORDS } from './yum-repository-state.js';

/**
 * Adds the release's .rpm assets to the yum repository on the branch in one commit: the packages,
 * `repodata/` (primary, filelists, other) keeping older entries, and `repomd.xml` re-signed as
 * `repomd.xml.asc`, with the public key beside them as `key.asc`.
 */
export function publishYum(ctx: PlatformContext, _files: RenderedFile[]): Promise<PublishResult> {
  return addToRepository(ctx, compareYum, YUM_WORDS, (c, todo, signer) =>
    yumFiles({ layout: c.layout, state: c.state, rpms: todo.map((r) => ({ pkg: r.built, facts: r.built.rpm! })), signer, now: new Date() }));
}
