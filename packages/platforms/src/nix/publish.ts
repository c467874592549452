import { browseUrl, commitAndPush, releaseCommitMessage } from '../git-remote/index.js';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { nixLayout } from './nix-files.js';
import { nixTarget } from './repository-target.js';

/** Commits the Nix files to the repository's default branch; identical content makes no commit. */
export async function publishNix(ctx: PlatformContext, files: RenderedFile[]): Promise<PublishResult> {
  const target = nixTarget(ctx);
  const path = nixLayout(ctx).derivation;
  const { subject, body } = releaseCommitMessage(ctx, ctx.config.project.name, `Nix package ${path}`);
  const result = await commitAndPush(target, { files, subject, body });
  const url = browseUrl(target.remote, path, result.branch);
  if (!result.changed) return { status: 'skipped', url, detail: `${path} on ${result.branch} already has this content; nothing pushed` };
  const raced = result.retries ? ' after rebasing onto a concurrent push' : '';
  return { status: 'published', url, detail: `committed ${files.map((f) => f.path).join(', ')} (${result.commit.slice(0, 12)}) to ${result.branch} of ${target.remote.spec}${raced}` };
}
