import { aptFiles } from '../linux-packages/apt-repository.js';
import { addToRepository } from '../linux-packages/package-repository.js';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { APT_WORDS, compareApt } from './apt-repository-state.js';

/**
 * Adds the release's .deb assets to the apt repository on the branch in one commit: pool files,
 * `Packages` per architecture keeping older entries, and a re-signed `Release`/`InRelease`/
 * `Release.gpg`, with the public key beside them as `key.asc`.
 */
export function publishApt(ctx: PlatformContext, _files: RenderedFile[]): Promise<PublishResult> {
  return addToRepository(ctx, compareApt, APT_WORDS, (c, todo, signer) =>
    aptFiles({ layout: c.layout, state: c.state, debs: todo.map((d) => ({ arch: d.arch, deb: d.built })), signer, origin: ctx.config.project.name, now: new Date() }));
}
