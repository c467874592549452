import type { PlatformContext, PublishResult } from '../platform.js';
import { formulaPath } from './formula-name.js';
import { publishHomebrew } from './publish.js';
import { renderHomebrew } from './render.js';

/**
 * The tap's formula (or cask) is Homebrew's "latest": `brew upgrade` installs whatever it names. Rolling
 * back renders it again for version `to` from that release's archives (the context's version and
 * assets are `to`'s) and commits it the way a release does, so nothing is rebuilt and the sha256s are
 * the ones `to` shipped. A tap already at `to` makes no commit.
 */
export async function rollbackHomebrew(ctx: PlatformContext, to: string): Promise<PublishResult> {
  const path = formulaPath(ctx);
  const result = await publishHomebrew(ctx, renderHomebrew(ctx));
  if (result.status === 'skipped') return { ...result, detail: `${path} already installs ${to}; nothing pushed` };
  if (result.status !== 'published') return result;
  return { ...result, detail: `moved ${path} back to ${to}: ${result.detail}` };
}
