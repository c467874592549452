import { browseUrl, commitAndPush, releaseCommitMessage } from '../git-remote/index.js';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { bucketConfig, bucketTarget, manifestPath } from './bucket-target.js';

/** Commits the manifest to the bucket's branch; identical content makes no commit and no push. */
export async function publishScoop(ctx: PlatformContext, files: RenderedFile[]): Promise<PublishResult> {
  const config = bucketConfig(ctx);
  const target = bucketTarget(ctx);
  const path = manifestPath(ctx);
  const { subject, body } = releaseCommitMessage(ctx, ctx.config.project.name, `Manifest ${path}`);
  const result = await commitAndPush(target, { ...(config.branch ? { branch: config.branch } : {}), files, subject, body });
  const url = browseUrl(target.remote, path, result.branch);
  if (!result.changed) return { status: 'skipped', url, detail: `${path} on ${result.branch} already has this content; nothing pushed` };
  const raced = result.retries ? ' after rebasing onto a concurrent push' : '';
  return { status: 'published', url, detail: `committed ${path} (${result.commit.slice(0, 12)}) to ${result.branch} of ${target.remote.spec}${raced}` };
}
