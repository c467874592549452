import type { DeployforgeConfig } from '@deployforge/config';
import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import { STATUS_ARTIFACT } from './summarize-job.js';
import type { Job } from './workflow-types.js';

/**
 * Publishing the dashboard (issue 23): after summarize, the site it wrote (index.html, releases/,
 * status.json, history.json, badge.json) goes to GitHub Pages or to a branch, from a job of its own
 * so that the write permission it needs sits on a job that runs nothing of ours and reads no secret.
 */

export const STATUS_PAGES_JOB = 'status-pages';
export const STATUS_BRANCH_JOB = 'status-branch';

export type StatusPublishTarget = { kind: 'pages' } | { kind: 'branch'; branch: string };

/** `status.branch` wins: it is the way to publish for repositories whose Pages source is a branch. */
export function statusPublishTarget(config: DeployforgeConfig): StatusPublishTarget | undefined {
  const status = config.status;
  if (status?.branch) return { kind: 'branch', branch: status.branch };
  if (status?.pages) return { kind: 'pages' };
  return undefined;
}

/**
 * Only when summarize says so: it read the published history (or there is none yet) and this was
 * not a dry run. A summarize that failed because a required platform did still publishes: that is
 * when people look.
 */
const PUBLISH_IF = "${{ !cancelled() && needs.summarize.outputs.publish == 'true' }}";

const downloadSite = {
  name: 'Download the dashboard summarize wrote',
  uses: pinnedUses(PINNED_ACTIONS.downloadArtifact),
  with: { name: STATUS_ARTIFACT, path: STATUS_ARTIFACT },
};

function pagesJob(runsOn: string): Job {
  return {
    name: 'publish the dashboard (GitHub Pages)',
    needs: ['summarize'],
    if: PUBLISH_IF,
    'runs-on': runsOn,
    // deploy-pages records a deployment of this environment; Pages' own protection rules apply.
    environment: 'github-pages',
    // The OIDC token is how deploy-pages proves the artifact comes from this run; nothing else.
    permissions: { pages: 'write', 'id-token': 'write' },
    steps: [
      downloadSite,
      { name: 'Package the site for GitHub Pages', uses: pinnedUses(PINNED_ACTIONS.uploadPagesArtifact), with: { path: `${STATUS_ARTIFACT}/` } },
      { name: 'Deploy it', id: 'deploy', uses: pinnedUses(PINNED_ACTIONS.deployPages) },
    ],
  };
}

/**
 * Commits the site over the branch's previous one (other files there, a CNAME say, stay) and
 * pushes without force: a concurrent publish makes this push fail rather than lose the other's
 * history. A branch that does not exist yet is created; any other failure to read it stops here.
 */
// Every value that reaches a command follows '--', as in every generated script (end-of-options audit).
export const PUSH_SITE_SCRIPT = [
  'set -euo pipefail',
  'site="$PWD/$DEPLOYFORGE_SITE"',
  'work="$RUNNER_TEMP/deployforge-site"',
  'remote="$GITHUB_SERVER_URL/$GITHUB_REPOSITORY.git"',
  // The token goes in a header, never in a URL that git could print.
  'auth="AUTHORIZATION: basic $(printf \'x-access-token:%s\' "$GITHUB_TOKEN" | base64 -w0)"',
  'git init -q -- "$work"',
  'cd "$work"',
  "git config user.name 'github-actions[bot]'",
  "git config user.email '41898282+github-actions[bot]@users.noreply.github.com'",
  'found=0',
  'git -c http.extraheader="$auth" ls-remote --exit-code -- "$remote" "refs/heads/$DEPLOYFORGE_BRANCH" > /dev/null || found=$?',
  'if [ "$found" = 0 ]; then',
  '  git -c http.extraheader="$auth" fetch -q --depth 1 -- "$remote" "refs/heads/$DEPLOYFORGE_BRANCH"',
  '  git checkout -q FETCH_HEAD',
  'elif [ "$found" = 2 ]; then',
  '  echo "::notice title=DeployForge status::the branch $DEPLOYFORGE_BRANCH does not exist yet: it starts with this dashboard"',
  '  git checkout -q --orphan deployforge-status',
  'else',
  '  echo "::error title=DeployForge status::could not read the branch $DEPLOYFORGE_BRANCH of $GITHUB_REPOSITORY (git ls-remote exit $found)"',
  '  exit 1',
  'fi',
  // The site's own pages are replaced, so a release dropped from the history loses its page too.
  'rm -rf releases',
  'cp -R -- "$site"/. .',
  'touch .nojekyll',
  'git add -A',
  'if git diff --cached --quiet; then',
  '  echo "$DEPLOYFORGE_BRANCH already has this dashboard: nothing to push"',
  '  exit 0',
  'fi',
  'git commit -q -m "DeployForge status $(date -u +%Y-%m-%dT%H:%M:%SZ)"',
  'git -c http.extraheader="$auth" push -q -- "$remote" "HEAD:refs/heads/$DEPLOYFORGE_BRANCH"',
  'echo "published the dashboard to $DEPLOYFORGE_BRANCH"',
].join('\n');

function branchJob(branch: string, runsOn: string): Job {
  return {
    name: `publish the dashboard (branch ${branch})`,
    needs: ['summarize'],
    if: PUBLISH_IF,
    'runs-on': runsOn,
    permissions: { contents: 'write' },
    steps: [
      downloadSite,
      {
        name: `Commit it to ${branch}`,
        shell: 'bash',
        env: { DEPLOYFORGE_SITE: STATUS_ARTIFACT, DEPLOYFORGE_BRANCH: branch, GITHUB_TOKEN: '${{ github.token }}' },
        run: PUSH_SITE_SCRIPT,
      },
    ],
  };
}

/** The jobs that publish the dashboard, keyed by id: none unless status.pages or status.branch. */
export function statusPublishJobs(config: DeployforgeConfig, runsOn: string): Record<string, Job> {
  const target = statusPublishTarget(config);
  if (!target) return {};
  return target.kind === 'pages' ? { [STATUS_PAGES_JOB]: pagesJob(runsOn) } : { [STATUS_BRANCH_JOB]: branchJob(target.branch, runsOn) };
}
