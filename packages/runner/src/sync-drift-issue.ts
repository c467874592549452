import { loadConfig } from '@deployforge/config';
import { ConfigurationError, type Logger } from '@deployforge/diagnostics';
import { loadGitHubClient } from '@deployforge/github';
import { resolveRepository } from '@deployforge/hub';
import { configFileFor, type InputSource } from '@deployforge/inputs';
import { DRIFT_ISSUE_LABEL, DRIFT_ISSUE_MARKER, driftIssueContent, type StatusDocument } from '@deployforge/status';

/** What `deployforge drift-issue` did; `disabled` and `unchanged` made no write at all. */
export type DriftIssueAction = 'opened' | 'updated' | 'closed' | 'unchanged' | 'in-sync' | 'disabled';

export interface DriftIssueResult {
  action: DriftIssueAction;
  number?: number;
  url?: string;
  detail: string;
}

export interface DriftIssueOptions {
  configPath: string;
  /** A `deployforge status --json` report. */
  report: StatusDocument;
  io: InputSource;
  log: Logger;
  /** The release workflow's file name, for the `gh workflow run` line. */
  workflow?: string;
}

/**
 * status.issues: keeps one issue in step with a drift report. Drift and no open drift issue: open
 * one. Drift and one open: update it when its text differs, else leave it (no write). In sync and
 * one open: close it. The issue is found by a marker in its body among the open issues, so a
 * renamed title or a removed label never makes a second one.
 */
export async function syncDriftIssue(options: DriftIssueOptions): Promise<DriftIssueResult> {
  const loaded = await loadConfig(configFileFor(options.configPath, options.io.cwd));
  if (loaded.config.status?.issues !== true) return { action: 'disabled', detail: 'status.issues is not true in the config: no issue is kept' };
  const repository = resolveRepository(loaded, options.io.env);
  const token = options.io.env.GITHUB_TOKEN || options.io.env.GH_TOKEN;
  if (!token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token with issues: write on ${repository.owner}/${repository.repo}`);
  const { octokit } = await loadGitHubClient({ token, log: options.log, ...(options.io.env.GITHUB_API_URL ? { baseUrl: options.io.env.GITHUB_API_URL } : {}) });
  const { owner, repo } = repository;

  const open = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, state: 'open', per_page: 100 });
  const existing = open
    .filter((i) => !i.pull_request && (i.body ?? '').includes(DRIFT_ISSUE_MARKER))
    .sort((a, b) => a.number - b.number)[0];
  const content = driftIssueContent(options.report, { repository: `${owner}/${repo}`, ...(options.workflow ? { workflow: options.workflow } : {}) });

  if (!content) {
    if (!existing) return { action: 'in-sync', detail: 'every platform serves the newest release; no drift issue is open' };
    const { data } = await octokit.rest.issues.update({ owner, repo, issue_number: existing.number, state: 'closed', state_reason: 'completed' });
    return { action: 'closed', number: data.number, url: data.html_url, detail: `every platform serves ${options.report.version}: closed #${data.number}` };
  }
  if (!existing) {
    const { data } = await octokit.rest.issues.create({ owner, repo, title: content.title, body: content.body, labels: [DRIFT_ISSUE_LABEL] });
    return { action: 'opened', number: data.number, url: data.html_url, detail: `opened #${data.number}: ${content.title}` };
  }
  if (existing.title === content.title && (existing.body ?? '') === content.body) {
    return { action: 'unchanged', number: existing.number, url: existing.html_url, detail: `#${existing.number} already says this` };
  }
  const { data } = await octokit.rest.issues.update({ owner, repo, issue_number: existing.number, title: content.title, body: content.body });
  return { action: 'updated', number: data.number, url: data.html_url, detail: `updated #${data.number}: ${content.title}` };
}
