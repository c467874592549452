import { execFile } from 'node:child_process';

/** Long enough for a slow link to github.com, short enough that an offline `generate` is not held up. */
export const LS_REMOTE_TIMEOUT_MS = 8_000;

export type ActionsCommit = { sha: string } | { error: string };

/**
 * The git URL of the repository holding DeployForge's actions. DEPLOYFORGE_ACTIONS_GIT_URL points it
 * elsewhere: a mirror, a GitHub Enterprise copy, or (in tests) a local bare repository, so that no
 * test ever reaches past 127.0.0.1.
 */
export function actionsGitUrl(repo: string, env: Readonly<Record<string, string | undefined>>): string {
  return env.DEPLOYFORGE_ACTIONS_GIT_URL || `https://github.com/${repo}.git`;
}

/**
 * The commit a tag (or branch) of the actions repository points at, from `git ls-remote`: an
 * annotated tag's peeled `^{}` line names the commit, a lightweight tag's own line does. Never
 * throws: an unreachable remote, a missing git or an unknown ref is an `error` to report.
 */
export function resolveActionsCommit(url: string, ref: string, timeoutMs = LS_REMOTE_TIMEOUT_MS): Promise<ActionsCommit> {
  const wanted = [`refs/tags/${ref}^{}`, `refs/tags/${ref}`, `refs/heads/${ref}`];
  return new Promise((resolvePromise) => {
    execFile(
      'git', ['ls-remote', '--', url, ...wanted],
      // No credential prompt may wait for a person: the repository is public or the answer is no.
      { timeout: timeoutMs, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'echo' }, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) {
          const why = error.killed ? `no answer within ${timeoutMs / 1000} s` : (stderr.trim().split('\n').pop() || error.message);
          resolvePromise({ error: `git ls-remote ${url} failed: ${why}` });
          return;
        }
        const refs = new Map<string, string>();
        for (const line of stdout.split('\n')) {
          const [sha, name] = line.trim().split(/\s+/);
          if (sha && name && /^[0-9a-f]{40}$/.test(sha)) refs.set(name, sha);
        }
        const sha = wanted.map((name) => refs.get(name)).find((s) => s !== undefined);
        resolvePromise(sha ? { sha } : { error: `${url} has no tag or branch named ${ref}` });
      },
    );
  });
}
