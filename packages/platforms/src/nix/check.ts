import type { Existence } from '../existence.js';
import { browseUrl, readRemoteBranch } from '../git-remote/index.js';
import type { PlatformContext } from '../platform.js';
import { nixFacts } from './nix-facts.js';
import { nixLayout } from './nix-files.js';
import { renderNixDerivation } from './render.js';
import { nixTarget } from './repository-target.js';

/**
 * Reads the derivation on the default branch: same version and hashes → identical (the flake and
 * default.nix only point at it); same version with other hashes → different.
 */
export async function checkNix(ctx: PlatformContext): Promise<Existence> {
  const target = nixTarget(ctx);
  const path = nixLayout(ctx).derivation;
  const snapshot = await readRemoteBranch(target, undefined, `reading ${path} from ${target.remote.spec}`);
  const url = browseUrl(target.remote, path, snapshot.branch);
  const text = await snapshot.read(path);
  if (text === undefined) return { state: 'absent', detail: `${path} is not on ${snapshot.branch} of ${target.remote.spec}` };
  const live = nixFacts(text);
  if (live.version !== ctx.version.version) return { state: 'absent', detail: `${path} is at version ${live.version ?? '(none)'}`, url };
  const wanted = nixFacts(renderNixDerivation(ctx));
  if (live.hashes.join() === wanted.hashes.join()) {
    return { state: 'identical', detail: `${path} has ${ctx.version.version} with the same ${live.hashes.length} hash(es)`, url };
  }
  return { state: 'different', detail: `${path} has ${ctx.version.version} with other hashes (${live.hashes.join(', ') || 'none'})`, url };
}
