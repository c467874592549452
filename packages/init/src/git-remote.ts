import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * `owner/repo` from a github.com remote URL in any of the forms git accepts (https, ssh, scp-like,
 * git://), or undefined for anything else. Other hosts are left alone on purpose: the config's
 * `repository` means a GitHub repository, and guessing one from a GitLab remote would be wrong.
 */
export function githubRepositoryFromUrl(url: string): string | undefined {
  const match = /^(?:(?:https?|ssh|git|git\+ssh):\/\/(?:[^@/]+@)?github\.com(?::\d+)?\/|(?:[^@/]+@)?github\.com:)([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/i.exec(
    url.trim(),
  );
  if (!match) return undefined;
  return `${match[1]}/${match[2]}`;
}

/** The GitHub repository of `origin`, or undefined when there is no git, no repo or no origin. */
export async function detectGithubRepository(cwd: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['remote', 'get-url', 'origin'], {
      cwd,
      timeout: 10_000,
      // Never let git prompt or page: init must work unattended in CI and in tests.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' },
    });
    return githubRepositoryFromUrl(stdout);
  } catch {
    return undefined;
  }
}
