import { ConfigurationError, errorMessage, isConfigurationError, type Logger } from '@deployforge/diagnostics';
import { loadGitHubClient, type GitHubClient } from '@deployforge/github';
import { resolveRepository } from '@deployforge/hub';
import { configFileFor, type InputSource } from '@deployforge/inputs';
import { parseStatusHistory, type StatusDocument } from '@deployforge/status';

/**
 * Where the published site lives, so the next run can add to its history.json: `pages` (the
 * repository's GitHub Pages site, deployed by Actions) or `branch:<name>` (a branch holding the site).
 */
export type HistorySource = { kind: 'pages' } | { kind: 'branch'; branch: string };

export function parseHistorySource(value: string): HistorySource | undefined {
  if (value === '') return undefined;
  if (value === 'pages') return { kind: 'pages' };
  const m = /^branch:(.+)$/.exec(value);
  if (m?.[1]) return { kind: 'branch', branch: m[1] };
  throw ConfigurationError.forInput('history', `expected "pages", "branch:<name>" or nothing, got "${value}"`);
}

/**
 * `documents`: the history to add to ([] when nothing was published yet). `complete: false` when it
 * exists but could not be read: publishing then would replace months of history with one run, so
 * the caller says so and the publish jobs leave the site as it is.
 */
export interface PublishedHistory {
  documents: StatusDocument[];
  complete: boolean;
  detail: string;
}

const notFound = (error: unknown) => (error as { status?: unknown }).status === 404;

/**
 * Why the published history is not usable. A file that was read but is not a valid history is a
 * ConfigurationError whose message names it already (and may list its bad keys on further lines).
 */
const unreadable = (what: string, error: unknown): string => (isConfigurationError(error) ? error.message : `could not read ${what}: ${errorMessage(error)}`);

async function fromBranch(client: GitHubClient, owner: string, repo: string, branch: string): Promise<PublishedHistory> {
  try {
    const { data } = await client.octokit.rest.repos.getContent({ owner, repo, path: 'history.json', ref: branch });
    if (Array.isArray(data) || data.type !== 'file' || typeof data.content !== 'string') {
      return { documents: [], complete: false, detail: `history.json on ${branch} is not a file` };
    }
    const text = Buffer.from(data.content, 'base64').toString('utf8');
    const documents = parseStatusHistory(text, `history.json on ${branch}`);
    return { documents, complete: true, detail: `${documents.length} documents from history.json on ${branch}` };
  } catch (error) {
    if (notFound(error)) return { documents: [], complete: true, detail: `no history.json on ${branch} yet: the history starts here` };
    return { documents: [], complete: false, detail: unreadable(`history.json on ${branch}`, error) };
  }
}

async function fromPages(client: GitHubClient, owner: string, repo: string, fetchTimeoutMs: number): Promise<PublishedHistory> {
  let site: string;
  try {
    const { data } = await client.octokit.rest.repos.getPages({ owner, repo });
    if (!data.html_url) return { documents: [], complete: true, detail: 'GitHub Pages has no site URL yet: the history starts here' };
    site = data.html_url.endsWith('/') ? data.html_url : `${data.html_url}/`;
  } catch (error) {
    if (notFound(error)) return { documents: [], complete: true, detail: 'GitHub Pages is not set up yet: the history starts here' };
    return { documents: [], complete: false, detail: `could not read the GitHub Pages settings: ${errorMessage(error)}` };
  }
  const url = new URL('history.json', site).href;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(fetchTimeoutMs), headers: { accept: 'application/json' } });
    if (response.status === 404) return { documents: [], complete: true, detail: `no ${url} yet: the history starts here` };
    if (!response.ok) return { documents: [], complete: false, detail: `${url} answered HTTP ${response.status}` };
    const documents = parseStatusHistory(await response.text(), url);
    return { documents, complete: true, detail: `${documents.length} documents from ${url}` };
  } catch (error) {
    return { documents: [], complete: false, detail: unreadable(url, error) };
  }
}

/** The published history, read through the API (a branch) or from the Pages site itself. */
export async function readPublishedHistory(
  client: GitHubClient, repository: { owner: string; repo: string }, source: HistorySource, fetchTimeoutMs = 30_000,
): Promise<PublishedHistory> {
  return source.kind === 'branch'
    ? fromBranch(client, repository.owner, repository.repo, source.branch)
    : fromPages(client, repository.owner, repository.repo, fetchTimeoutMs);
}

/** Where deployforge.yml says the dashboard is published (status.branch wins over status.pages). */
export function historySourceOf(config: { status?: { pages?: boolean; branch?: string } }): HistorySource | undefined {
  if (config.status?.branch) return { kind: 'branch', branch: config.status.branch };
  if (config.status?.pages) return { kind: 'pages' };
  return undefined;
}

/**
 * `deployforge dashboard --published`: the history published where deployforge.yml says
 * (status.pages / status.branch), read with GITHUB_TOKEN; `source` undefined when it says nowhere.
 */
export async function readConfiguredHistory(options: { configPath: string; io: InputSource; log: Logger }): Promise<{ source?: HistorySource; history?: PublishedHistory }> {
  // Loaded on first use, so that summarize starts without the YAML parser and validator (issue 20).
  const { loadConfig } = await import('@deployforge/config');
  const loaded = await loadConfig(configFileFor(options.configPath, options.io.cwd));
  const source = historySourceOf(loaded.config);
  if (!source) return {};
  const repository = resolveRepository(loaded, options.io.env);
  const token = options.io.env.GITHUB_TOKEN || options.io.env.GH_TOKEN;
  if (!token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token that reads ${repository.owner}/${repository.repo} (its published status history)`);
  const client = await loadGitHubClient({ token, log: options.log, ...(options.io.env.GITHUB_API_URL ? { baseUrl: options.io.env.GITHUB_API_URL } : {}) });
  return { source, history: await readPublishedHistory(client, repository, source) };
}
