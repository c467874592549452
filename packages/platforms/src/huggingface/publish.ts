import { browseUrl, commitAndPush, releaseCommitMessage } from '../git-remote/index.js';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { SPACE_BRANCH, spaceConfig, spaceTarget } from './space-config.js';

/** Makes the Space's `main` exactly the folder (deletions included) in one commit; no change, no push. */
export async function publishHuggingface(ctx: PlatformContext, files: RenderedFile[]): Promise<PublishResult> {
  const target = spaceTarget(ctx);
  const { subject, body } = releaseCommitMessage(ctx, ctx.config.project.name, `The Space folder ${spaceConfig(ctx).path ?? '.'}`);
  const result = await commitAndPush(target, { branch: SPACE_BRANCH, files, mirror: true, subject, body });
  const url = browseUrl(target.remote);
  if (!result.changed) return { status: 'skipped', url, detail: `the Space's ${SPACE_BRANCH} already holds exactly these files; nothing pushed` };
  return { status: 'published', url, detail: `pushed ${files.length} file(s) to the Space ${spaceConfig(ctx).space} (${result.commit.slice(0, 12)} on ${SPACE_BRANCH})` };
}
