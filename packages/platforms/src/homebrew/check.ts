import type { Existence } from '../existence.js';
import { browseUrl, readRemoteBranch } from '../git-remote/index.js';
import type { PlatformContext } from '../platform.js';
import { formulaFacts, sameArtifacts } from './formula-facts.js';
import { formulaPath, pullRequestBranch } from './formula-name.js';
import { renderHomebrew } from './render.js';
import { tapConfig, tapTarget } from './tap-target.js';

/**
 * Reads `Formula/<name>.rb` on the tap's branch: this version with the same sha256s is identical,
 * this version with other sha256s is different (a re-tagged release), any other version (or no
 * formula) means this version is absent.
 */
export async function checkHomebrew(ctx: PlatformContext): Promise<Existence> {
  const onBase = await checkBranch(ctx, tapConfig(ctx).branch);
  if (onBase.state !== 'absent' || !tapConfig(ctx)['pull-request']) return onBase;
  // Not merged yet: a pull-request branch of an earlier run that holds this very formula means the
  // release is waiting for a reviewer, not that it still has to be proposed.
  const head = pullRequestBranch(ctx);
  const onHead = await checkBranch(ctx, head, true);
  if (onHead.state === 'identical') {
    return { state: 'pending', detail: `the pull request from ${head} with this formula awaits review and merge`, ...(onHead.url ? { url: onHead.url } : {}) };
  }
  return onBase;
}

async function checkBranch(ctx: PlatformContext, branch: string | undefined, mustExist = false): Promise<Existence> {
  const target = tapTarget(ctx);
  const path = formulaPath(ctx);
  const snapshot = await readRemoteBranch(target, branch, `reading ${path} from ${target.remote.spec}`);
  if (mustExist && !snapshot.commit) return { state: 'absent', detail: `no branch ${branch}` };
  const url = browseUrl(target.remote, path, snapshot.branch);
  const text = await snapshot.read(path);
  if (text === undefined) return { state: 'absent', detail: `${path} is not on ${snapshot.branch} of ${target.remote.spec}` };
  const live = formulaFacts(text);
  if (live.version !== ctx.version.version) {
    return { state: 'absent', detail: `${path} is at version ${live.version ?? '(none)'}`, url };
  }
  const wanted = formulaFacts(String(renderHomebrew(ctx)[0]!.contents));
  if (sameArtifacts(live, wanted)) {
    return { state: 'identical', detail: `${path} has ${ctx.version.version} with the same ${live.sha256s.length} sha256(s)`, url };
  }
  return { state: 'different', detail: `${path} has ${ctx.version.version} with other sha256s (${live.sha256s.join(', ') || 'none'})`, url };
}
