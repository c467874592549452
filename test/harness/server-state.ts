// What the local servers hold for a version, asked of each server itself (the GitHub fake's state,
// verdaccio's packument, the tap's and bucket's files via git), so a scenario checks the workflow's
// effect rather than its own report of it.
import { existsSync } from 'node:fs';
import { run } from '../helpers/services.js';
import type { LocalServers } from '../e2e/full/local-servers.js';

export interface HeldRelease {
  draft: boolean;
  /** name -> sha256 of every uploaded asset. */
  assets: Record<string, string>;
  /** Assets in any state but uploaded (a starter left by a failed upload). */
  incomplete: string[];
}

export interface ServerState {
  release?: HeldRelease;
  npm: boolean;
  homebrew: boolean;
  scoop: boolean;
}

async function gitShow(gitDir: string, path: string): Promise<string | undefined> {
  if (!existsSync(gitDir)) return undefined;
  const result = await run('git', ['-c', 'safe.directory=*', '--git-dir', gitDir, 'show', `main:${path}`]);
  return result.code === 0 ? result.stdout : undefined;
}

export async function serverState(servers: LocalServers, repository: string, project: string, version: string): Promise<ServerState> {
  const found = servers.gh.state.repos.get(repository)?.releases.filter((r) => r.tagName === `v${version}`) ?? [];
  if (found.length > 1) throw new Error(`${found.length} releases for v${version} on the GitHub fake`);
  const release = found[0];
  const auth = { authorization: `Bearer ${servers.services.DEPLOYFORGE_TEST_NPM_TOKEN}`, accept: 'application/json' };
  const packument = await fetch(new URL(servers.npmPackage, servers.services.DEPLOYFORGE_TEST_NPM_REGISTRY), { headers: auth })
    .then(async (r) => (r.ok ? ((await r.json()) as { versions?: Record<string, unknown> }) : undefined));
  const formula = await gitShow(servers.gitRepos.homebrew.dir, `Formula/${project}.rb`);
  const manifest = await gitShow(servers.gitRepos.scoop.dir, `bucket/${project}.json`);
  return {
    ...(release ? {
      release: {
        draft: release.draft,
        assets: Object.fromEntries(release.assets.filter((a) => a.state === 'uploaded').map((a) => [a.name, a.sha256 ?? ""])),
        incomplete: release.assets.filter((a) => a.state !== 'uploaded').map((a) => a.name),
      },
    } : {}),
    npm: packument?.versions?.[version] !== undefined,
    homebrew: formula?.includes(`/v${version}/`) ?? false,
    scoop: manifest !== undefined && (JSON.parse(manifest) as { version: string }).version === version,
  };
}
