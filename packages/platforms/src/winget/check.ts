import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { installerDigests } from './installer-digests.js';
import { branchName, pullTitle, versionFolder, wingetPackage, wingetSettings } from './winget-package.js';
import { defaultBranch, findOpenPull, readFile, repoRef, TOKEN, wingetClient } from './winget-repo.js';

/**
 * On the upstream default branch already (merged): compare the InstallerSha256s with this release's.
 * Else an open pull request for it means moderators have it: pending. Else absent.
 */
export async function checkWinget(ctx: PlatformContext): Promise<Existence> {
  const p = wingetPackage(ctx);
  const s = wingetSettings(ctx);
  const client = wingetClient(ctx);
  if (!client) return { state: 'unknown', detail: `${TOKEN} is not set, so ${s.upstream} cannot be read` };
  const upstream = repoRef(s.upstream);
  const base = await defaultBranch(client, upstream);
  if (!base) return { state: 'unknown', detail: `the upstream repository ${s.upstream} was not found` };
  const path = `${versionFolder(p)}/${p.identifier}.installer.yaml`;
  const merged = await readFile(client, upstream, path, base);
  const url = `${client.baseUrl.replace(/\/api\/v3$/, '').replace('api.github.com', 'github.com')}/${s.upstream}/tree/${base}/${versionFolder(p)}`;
  if (merged) {
    const theirs = installerDigests(merged.text);
    const ours = p.installers.map((i) => `${i.architecture}=${i.sha256}`).sort();
    if (theirs.join(',') === ours.join(',')) return { state: 'identical', detail: `${path} on ${base} has the same InstallerSha256s`, url };
    return { state: 'different', detail: `${path} on ${base} lists ${theirs.join(', ')}; this release has ${ours.join(', ')}`, url };
  }
  const head = s.fork ? `${repoRef(s.fork).owner}:${branchName(p)}` : undefined;
  const pull = await findOpenPull(client, upstream, pullTitle(p), head);
  if (pull) return { state: 'pending', detail: `pull request #${pull.number} "${pull.title}" is waiting for the winget-pkgs moderators`, url: pull.url };
  return { state: 'absent', detail: `${s.upstream} has no ${versionFolder(p)} and no open pull request for it` };
}
