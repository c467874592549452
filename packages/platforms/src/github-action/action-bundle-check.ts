import { posix } from 'node:path';
import type { GitHubClient } from '@deployforge/github';
import { parse } from 'yaml';
import type { ActionSettings } from './action-settings.js';

export interface BundleCheck {
  /** The action metadata files looked at, repository-relative. */
  actions: string[];
  /** What is wrong, one line each, naming the file and key; empty when consistent. */
  problems: string[];
}

const ACTION_FILE = /(^|\/)action\.ya?ml$/;
/** Folders whose action.yml files are not the published action: dependencies, tests, examples, dot-folders. */
const NOT_PUBLISHED = /(^|\/)(node_modules|tests?|__tests__|fixtures|examples?|\.[^/]+)\//;
/** The files a JavaScript action's runner loads, relative to the action.yml's folder. */
const ENTRY_KEYS = ['main', 'pre', 'post'] as const;

/**
 * At `commit`, every published action.yml (the root one and those in sub-folders, outside the folders
 * NOT_PUBLISHED names) that runs on Node must name entry files that are in that commit: a moved
 * `v1` then never points at an action whose `dist/` was not committed or was built to another path.
 * Composite and Docker actions have no bundle to check. Reads one recursive tree listing plus each
 * action.yml; a listing GitHub truncated is completed by asking for the missing files one by one.
 */
export async function checkActionBundles(client: GitHubClient, s: ActionSettings, commit: string): Promise<BundleCheck> {
  const repo = { owner: s.owner, repo: s.repo };
  const { data: tree } = await client.octokit.rest.git.getTree({ ...repo, tree_sha: commit, recursive: 'true' });
  const blobs = new Set(tree.tree.filter((e) => e.type === 'blob').map((e) => e.path));
  const actions = [...blobs].filter((p) => ACTION_FILE.test(p) && !NOT_PUBLISHED.test(p)).sort();
  if (actions.length === 0) {
    return { actions, problems: [`${s.owner}/${s.repo} has no action.yml or action.yaml at ${commit.slice(0, 7)}: nothing there is an action`] };
  }
  const exists = async (path: string): Promise<boolean> => {
    if (blobs.has(path)) return true;
    if (!tree.truncated) return false;
    try {
      await client.octokit.rest.repos.getContent({ ...repo, path, ref: commit });
      return true;
    } catch (error) {
      if ((error as { status?: unknown }).status === 404) return false;
      throw error;
    }
  };
  const problems: string[] = [];
  for (const file of actions) {
    const { data } = await client.octokit.rest.repos.getContent({ ...repo, path: file, ref: commit });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
      problems.push(`${file}: not a file at ${commit.slice(0, 7)}`);
      continue;
    }
    let runs: Record<string, unknown> | undefined;
    try {
      const doc = parse(Buffer.from(data.content, 'base64').toString('utf8')) as { runs?: Record<string, unknown> } | null;
      runs = doc?.runs;
    } catch (error) {
      problems.push(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    const using = runs?.using;
    if (typeof using !== 'string') {
      problems.push(`${file}: runs.using is missing; expected node20, node24, composite or docker`);
      continue;
    }
    if (!/^node\d+$/.test(using)) continue;
    if (typeof runs?.main !== 'string') problems.push(`${file}: runs.main is missing; a ${using} action needs the file it runs`);
    for (const key of ENTRY_KEYS) {
      const entry = runs?.[key];
      if (typeof entry !== 'string') continue;
      const path = posix.normalize(posix.join(posix.dirname(file), entry));
      if (path.startsWith('../')) problems.push(`${file}: runs.${key} is ${entry}, outside the repository`);
      else if (!(await exists(path))) problems.push(`${file}: runs.${key} is ${entry}, but ${path} is not in ${commit.slice(0, 7)} (was dist/ built and committed?)`);
    }
  }
  return { actions, problems };
}
