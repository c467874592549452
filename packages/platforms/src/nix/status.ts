import { browseUrl, readRemoteBranch } from '../git-remote/index.js';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { nixFacts } from './nix-facts.js';
import { nixLayout } from './nix-files.js';
import { nixTarget } from './repository-target.js';

/** The version the repository's derivation builds today. */
export async function statusNix(ctx: PlatformContext): Promise<LiveStatus> {
  const target = nixTarget(ctx);
  const path = nixLayout(ctx).derivation;
  const snapshot = await readRemoteBranch(target, undefined, `reading ${path} from ${target.remote.spec}`);
  const text = await snapshot.read(path);
  if (text === undefined) return { detail: `${path} is not on ${snapshot.branch} of ${target.remote.spec}` };
  const { version } = nixFacts(text);
  return { ...(version ? { latest: version } : {}), url: browseUrl(target.remote, path, snapshot.branch), detail: `${path} on ${snapshot.branch}` };
}
