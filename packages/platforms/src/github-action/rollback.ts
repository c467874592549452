import semver from 'semver';
import type { PlatformContext, PublishResult } from '../platform.js';
import { actionClient, actionSettings, tagsUrl, TOKEN } from './action-settings.js';
import { tagPrefix } from './moving-tags.js';
import { short } from './tag-plan.js';
import { pointTag, tagCommit } from './tag-refs.js';

/**
 * `deployforge rollback --to 1.2.0`: the one time tags move backwards, because a person asked. The
 * major and minor tags of 1.2.0's line (`v1`, `v1.2`, as configured) are pointed at 1.2.0's commit;
 * tags already there are not written. A later publish of a newer release moves them forward again.
 */
export async function rollbackGithubAction(ctx: PlatformContext, to: string): Promise<PublishResult> {
  const s = actionSettings(ctx);
  const client = actionClient(ctx);
  if (!client) return { status: 'failed', detail: `${TOKEN} is not set: moving tags needs a token with contents: write on ${s.owner}/${s.repo}` };
  const version = semver.parse(to);
  if (!version) return { status: 'failed', detail: `${to} is not a version` };
  if (version.prerelease.length > 0) return { status: 'failed', detail: `${to} is a prerelease: v${version.major} never points at one` };
  const prefix = tagPrefix(ctx.version.tag, ctx.version.version);
  const releaseTag = `${prefix}${version.version}`;
  const commit = await tagCommit(client, s, releaseTag);
  if (!commit) return { status: 'failed', detail: `the tag ${releaseTag} does not exist in ${s.owner}/${s.repo}` };
  const url = tagsUrl(client, s);
  const names = (['major', 'minor'] as const).filter((l) => s.levels.includes(l)).map((l) => (l === 'major' ? `${prefix}${version.major}` : `${prefix}${version.major}.${version.minor}`));
  const moved: string[] = [];
  const kept: string[] = [];
  for (const name of names) {
    const current = await tagCommit(client, s, name);
    if (current === commit) {
      kept.push(`${name} already at ${short(commit)}`);
      continue;
    }
    await pointTag(client, s, name, commit, current !== undefined);
    moved.push(current ? `${name} moved back ${short(current)} -> ${short(commit)} (${releaseTag})` : `${name} created at ${short(commit)} (${releaseTag})`);
  }
  return { status: moved.length > 0 ? 'published' : 'skipped', detail: [...moved, ...kept].join('; '), url };
}
