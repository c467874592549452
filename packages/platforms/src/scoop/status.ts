import { browseUrl, readRemoteBranch } from '../git-remote/index.js';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { bucketConfig, bucketTarget, manifestPath } from './bucket-target.js';
import { manifestFacts } from './manifest-facts.js';

/** The version `scoop install` gets from the bucket today. */
export async function statusScoop(ctx: PlatformContext): Promise<LiveStatus> {
  const target = bucketTarget(ctx);
  const path = manifestPath(ctx);
  const snapshot = await readRemoteBranch(target, bucketConfig(ctx).branch, `reading ${path} from ${target.remote.spec}`);
  const text = await snapshot.read(path);
  if (text === undefined) return { detail: `${path} is not on ${snapshot.branch} of ${target.remote.spec}` };
  const { version } = manifestFacts(text);
  return { ...(version ? { latest: version } : {}), url: browseUrl(target.remote, path, snapshot.branch), detail: `${path} on ${snapshot.branch}` };
}
