import type { Existence } from '../existence.js';
import { browseUrl, readRemoteBranch } from '../git-remote/index.js';
import type { PlatformContext } from '../platform.js';
import { bucketConfig, bucketTarget, manifestPath } from './bucket-target.js';
import { manifestFacts } from './manifest-facts.js';
import { renderScoop } from './render.js';

/** Reads `bucket/<name>.json`: same version and hashes → identical; same version, other hashes → different. */
export async function checkScoop(ctx: PlatformContext): Promise<Existence> {
  const target = bucketTarget(ctx);
  const path = manifestPath(ctx);
  const snapshot = await readRemoteBranch(target, bucketConfig(ctx).branch, `reading ${path} from ${target.remote.spec}`);
  const url = browseUrl(target.remote, path, snapshot.branch);
  const text = await snapshot.read(path);
  if (text === undefined) return { state: 'absent', detail: `${path} is not on ${snapshot.branch} of ${target.remote.spec}` };
  const live = manifestFacts(text);
  if (live.version !== ctx.version.version) return { state: 'absent', detail: `${path} is at version ${live.version ?? '(none)'}`, url };
  const wanted = manifestFacts(String(renderScoop(ctx)[0]!.contents));
  if (live.hashes.join() === wanted.hashes.join()) {
    return { state: 'identical', detail: `${path} has ${ctx.version.version} with the same hashes (${live.hashes.join(', ')})`, url };
  }
  return { state: 'different', detail: `${path} has ${ctx.version.version} with other hashes (${live.hashes.join(', ') || 'none'})`, url };
}
