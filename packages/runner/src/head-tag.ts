import { ConfigurationError, type Logger } from '@deployforge/diagnostics';
import { parseVersionInput } from '@deployforge/version';
import { gitStdout as git } from './git-stdout.js';

/** Whether `tag` is `<prefix><semver>` exactly as a pushed tag must be (parseVersionInput's rules). */
function isReleaseTag(tag: string, tagPrefix: string): boolean {
  if (!tag.startsWith(tagPrefix)) return false;
  try {
    parseVersionInput(tag, { tagPrefix, origin: 'tag', source: 'tag' });
    return true;
  } catch {
    return false;
  }
}

/** HEAD's short commit and the tags on it that name a release (`<prefix><semver>`); no commit outside git. */
async function releaseTagsAtHead(projectDir: string, tagPrefix: string): Promise<{ commit?: string; tags: string[]; matching: string[] }> {
  const commit = await git(projectDir, ['rev-parse', '--short=7', 'HEAD']);
  if (!commit) return { tags: [], matching: [] };
  const tags = ((await git(projectDir, ['tag', '--points-at', 'HEAD'])) ?? '').split('\n').filter(Boolean);
  return { commit, tags, matching: tags.filter((t) => isReleaseTag(t, tagPrefix)) };
}

function ambiguous(head: string, commit: string, form: string, matching: string[]): ConfigurationError {
  return new ConfigurationError(
    `${head}, and HEAD (${commit}) carries ${matching.length} tags of the form ${form}: ${matching.join(', ')}; ` +
      `pass --version with the one to release, e.g. --version ${matching[matching.length - 1]}`,
  );
}

/**
 * The tag a local `deployforge release` releases when version.from is "tag" and no --version is
 * given: the one `<prefix><semver>` tag on HEAD, as `refs/tags/<tag>`, just as the workflow
 * releases the tag that was pushed. None, or several (`v2.0.0` and `v2.0.0-rc.1` on one commit),
 * is bad input naming the tags found: guessing which one to publish is not ours to do.
 */
export async function releaseTagAtHead(projectDir: string, tagPrefix: string, configFile: string, log: Logger): Promise<string> {
  const form = `${tagPrefix}<semver>`;
  const head = `no tag to take the version from: version.from is "tag" in ${configFile} and no --version was given`;
  const fix = `tag the commit to release (git tag ${tagPrefix}1.2.3) or pass --version, e.g. --version 1.2.3`;
  const { commit, tags, matching } = await releaseTagsAtHead(projectDir, tagPrefix);
  if (!commit) throw new ConfigurationError(`${head}, and ${projectDir} is not a git checkout with a commit, so it has no tag either; pass --version, e.g. --version 1.2.3`);
  if (matching.length === 1) return used(matching[0] as string, commit, log);
  if (matching.length === 0) {
    const others = tags.length > 0 ? `tags on HEAD: ${tags.join(', ')}` : 'HEAD has no tags';
    throw new ConfigurationError(`${head}, and HEAD (${commit}) carries no tag of the form ${form} (${others}); ${fix}`);
  }
  throw ambiguous(head, commit, form, matching);
}

/**
 * The same tag for `plan`, `publish` and `check-exists`, which must name the version `release`
 * would take (the tag on HEAD, not the manifest's) but keep working before anything is tagged:
 * no tag, or no git, is undefined and the version comes from where it always did. Several release
 * tags on HEAD are still an error, as they are for `release`.
 */
export async function releaseTagAtHeadIfAny(projectDir: string, tagPrefix: string, configFile: string, log: Logger): Promise<string | undefined> {
  const { commit, matching } = await releaseTagsAtHead(projectDir, tagPrefix);
  if (!commit || matching.length === 0) return undefined;
  if (matching.length === 1) return used(matching[0] as string, commit, log);
  throw ambiguous(`version.from is "tag" in ${configFile} and no --version was given`, commit, `${tagPrefix}<semver>`, matching);
}

function used(tag: string, commit: string, log: Logger): string {
  log.info(`version from the tag ${tag} on HEAD (${commit}): version.from is "tag" and no --version was given`);
  return `refs/tags/${tag}`;
}
