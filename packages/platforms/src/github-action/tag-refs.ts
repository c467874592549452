import type { GitHubClient } from '@deployforge/github';
import type { ActionSettings } from './action-settings.js';

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : undefined;

/** Annotated tags pointing at annotated tags are legal in git; a chain this long is not a release. */
const MAX_PEEL = 5;

/**
 * The commit a tag names, or undefined when there is no such tag. An annotated tag's ref points at
 * a tag object, which is read (`GET /git/tags/{sha}`) until a commit is reached; a lightweight tag's
 * ref names the commit itself.
 */
export async function tagCommit(client: GitHubClient, s: ActionSettings, tag: string): Promise<string | undefined> {
  let object: { type: string; sha: string };
  try {
    const { data } = await client.octokit.rest.git.getRef({ owner: s.owner, repo: s.repo, ref: `tags/${tag}` });
    // GET /git/ref/{ref} answers an exact match only, but some proxies answer the list form: never guess.
    if (Array.isArray(data) || data.ref !== `refs/tags/${tag}`) return undefined;
    object = data.object;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
  for (let depth = 0; object.type === 'tag'; depth += 1) {
    if (depth === MAX_PEEL) throw new Error(`the tag ${tag} is a chain of more than ${MAX_PEEL} annotated tags`);
    ({ data: { object } } = await client.octokit.rest.git.getTag({ owner: s.owner, repo: s.repo, tag_sha: object.sha }));
  }
  if (object.type !== 'commit') throw new Error(`the tag ${tag} points at a ${object.type}, not a commit`);
  return object.sha;
}

export type TagWrite = 'created' | 'moved';

/**
 * Points `refs/tags/<name>` at `sha`: created when missing, else updated with force (the line's
 * history need not be linear: 1.3.0 may be cut from a branch that never held 1.2.1's commit). The
 * caller has already decided the move is forward by version. A create that loses a race to another
 * run (422 "Reference already exists") becomes an update.
 */
export async function pointTag(client: GitHubClient, s: ActionSettings, name: string, sha: string, exists: boolean): Promise<TagWrite> {
  const update = async (): Promise<TagWrite> => {
    await client.octokit.rest.git.updateRef({ owner: s.owner, repo: s.repo, ref: `tags/${name}`, sha, force: true });
    return 'moved';
  };
  if (exists) return update();
  try {
    await client.octokit.rest.git.createRef({ owner: s.owner, repo: s.repo, ref: `refs/tags/${name}`, sha });
    return 'created';
  } catch (error) {
    if (statusOf(error) === 422 && /already exists/i.test(String((error as { message?: unknown }).message))) return update();
    throw error;
  }
}
