import { browseUrl, readRemoteBranch } from '../git-remote/index.js';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { SPACE_BRANCH, spaceTarget } from './space-config.js';

/**
 * The release the Space was last deployed from, read from the subject of its tip commit
 * (`<name> <version>`, as publish writes it); a commit made by hand names no version.
 */
export async function statusHuggingface(ctx: PlatformContext): Promise<LiveStatus> {
  const target = spaceTarget(ctx);
  const snapshot = await readRemoteBranch(target, SPACE_BRANCH, `reading the Space ${target.remote.spec}`);
  if (!snapshot.commit) return { detail: `the Space has no ${SPACE_BRANCH} branch yet` };
  const subject = await snapshot.subject();
  const prefix = `${ctx.config.project.name} `;
  const latest = subject.startsWith(prefix) ? subject.slice(prefix.length).trim() : undefined;
  return { ...(latest ? { latest } : {}), url: browseUrl(target.remote), detail: `${SPACE_BRANCH} is at ${snapshot.commit.slice(0, 12)}: ${subject}` };
}
