// The repository object GitHub answers with (full-repository for GET /repos/{owner}/{repo}, and the
// `repository` nested in pull requests): every field the description requires, with fake values.

import type { FakeContext } from './context.js';
import { gitData } from './git-data.js';
import { nodeId, type FakeRepo } from './state.js';
import { simpleUser } from './serialize.js';

const CREATED = '2024-01-01T00:00:00Z';

export function repositoryJson(fake: FakeContext, repo: FakeRepo): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${fake.url}/repos/${full}`;
  const html = `${fake.url}/html/${full}`;
  const tmpl = (path: string): string => `${api}/${path}`;
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: full,
    owner: simpleUser(fake.url, repo.owner, 9000 + (repo.id % 1000)),
    private: false,
    html_url: html,
    description: null,
    fork: false,
    url: api,
    archive_url: tmpl('{archive_format}{/ref}'),
    assignees_url: tmpl('assignees{/user}'),
    blobs_url: tmpl('git/blobs{/sha}'),
    branches_url: tmpl('branches{/branch}'),
    collaborators_url: tmpl('collaborators{/collaborator}'),
    comments_url: tmpl('comments{/number}'),
    commits_url: tmpl('commits{/sha}'),
    compare_url: tmpl('compare/{base}...{head}'),
    contents_url: tmpl('contents/{+path}'),
    contributors_url: tmpl('contributors'),
    deployments_url: tmpl('deployments'),
    downloads_url: tmpl('downloads'),
    events_url: tmpl('events'),
    forks_url: tmpl('forks'),
    git_commits_url: tmpl('git/commits{/sha}'),
    git_refs_url: tmpl('git/refs{/sha}'),
    git_tags_url: tmpl('git/tags{/sha}'),
    git_url: `git://${new URL(fake.url).host}/${full}.git`,
    hooks_url: tmpl('hooks'),
    issue_comment_url: tmpl('issues/comments{/number}'),
    issue_events_url: tmpl('issues/events{/number}'),
    issues_url: tmpl('issues{/number}'),
    keys_url: tmpl('keys{/key_id}'),
    labels_url: tmpl('labels{/name}'),
    languages_url: tmpl('languages'),
    merges_url: tmpl('merges'),
    milestones_url: tmpl('milestones{/number}'),
    notifications_url: tmpl('notifications{?since,all,participating}'),
    pulls_url: tmpl('pulls{/number}'),
    releases_url: tmpl('releases{/id}'),
    ssh_url: `git@${new URL(fake.url).hostname}:${full}.git`,
    stargazers_url: tmpl('stargazers'),
    statuses_url: tmpl('statuses/{sha}'),
    subscribers_url: tmpl('subscribers'),
    subscription_url: tmpl('subscription'),
    tags_url: tmpl('tags'),
    teams_url: tmpl('teams'),
    trees_url: tmpl('git/trees{/sha}'),
    clone_url: `${html}.git`,
    mirror_url: null,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: gitData(repo).defaultBranch,
    open_issues_count: gitData(repo).pulls.filter((p) => p.state === 'open').length,
    open_issues: gitData(repo).pulls.filter((p) => p.state === 'open').length,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: CREATED,
    created_at: CREATED,
    updated_at: CREATED,
    network_count: 0,
    subscribers_count: 0,
  };
}
