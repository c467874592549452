import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runOk } from '../../helpers/services.js';
import type { LocalServers } from './local-servers.js';

/**
 * Everything that can change on the servers, counted at the servers' side: the fakes' own counters,
 * the counting proxies in front of verdaccio and the OCI registry (neither keeps an access log), the
 * refs of every git repository a spoke pushes to, and the mirror folder of the custom spoke. Two
 * equal censuses around a run mean that run wrote nothing anywhere.
 */
export interface WriteCensus {
  github: number;
  npm: number;
  oci: number;
  pypi: number;
  crates: number;
  nuget: number;
  vscode: number;
  /** `refname sha` lines per repository. */
  gitRefs: Record<string, string>;
  mirror: string[];
}

/** `refname sha` of every ref, or `(none)` for a repository nothing was pushed to yet. */
async function refsOf(gitDir: string): Promise<string> {
  if (!existsSync(gitDir)) return '(no repository)';
  // The AUR repositories belong to the sshd's user: reading them is fine.
  const out = await runOk('git', ['-c', 'safe.directory=*', '--git-dir', gitDir, 'for-each-ref', '--format=%(refname) %(objectname)']);
  return out.trim() || '(none)';
}

function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}

export async function takeWriteCensus(servers: LocalServers): Promise<WriteCensus> {
  const gitDirs: Record<string, string> = {
    ...Object.fromEntries(Object.entries(servers.gitRepos).map(([spoke, repo]) => [spoke, repo.dir])),
    aur: servers.aurRepoDir,
  };
  const gitRefs: Record<string, string> = {};
  for (const [spoke, dir] of Object.entries(gitDirs)) gitRefs[spoke] = await refsOf(dir);
  return {
    github: servers.gh.writeCount(),
    npm: servers.npmProxy.writes().length,
    oci: servers.ociProxy.writes().length,
    pypi: servers.pypi.uploadRequests(),
    crates: servers.crates.publishRequests(),
    nuget: servers.nuget.requests.filter((r) => !/^(?:GET|HEAD) /.test(r)).length,
    vscode: servers.stores.writes.marketplace + servers.stores.writes.openVsx,
    gitRefs,
    mirror: listTree(servers.mirrorDir),
  };
}

/** Requests that only read, per counting door: a re-run that wrote nothing must still have looked. */
export function readCounts(servers: LocalServers): { github: number; npm: number; oci: number } {
  return {
    github: servers.gh.requests.filter((r) => r.method === 'GET').length,
    npm: servers.npmProxy.seen.filter((r) => r.method === 'GET' || r.method === 'HEAD').length,
    oci: servers.ociProxy.requests.filter((r) => r.method === 'GET' || r.method === 'HEAD').length,
  };
}
