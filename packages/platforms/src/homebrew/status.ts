import { browseUrl, readRemoteBranch } from '../git-remote/index.js';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { formulaFacts } from './formula-facts.js';
import { formulaPath } from './formula-name.js';
import { tapConfig, tapTarget } from './tap-target.js';

/** The version the tap's formula installs today. */
export async function statusHomebrew(ctx: PlatformContext): Promise<LiveStatus> {
  const target = tapTarget(ctx);
  const path = formulaPath(ctx);
  const snapshot = await readRemoteBranch(target, tapConfig(ctx).branch, `reading ${path} from ${target.remote.spec}`);
  const text = await snapshot.read(path);
  if (text === undefined) return { detail: `${path} is not on ${snapshot.branch} of ${target.remote.spec}` };
  const { version } = formulaFacts(text);
  return { ...(version ? { latest: version } : {}), url: browseUrl(target.remote, path, snapshot.branch), detail: `${path} on ${snapshot.branch}` };
}
