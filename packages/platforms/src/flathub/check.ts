import { parse } from 'yaml';
import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { flathubSettings } from './flathub-settings.js';
import { archiveSources, defaultBranch, flathubClient, openPull, readFile, TOKEN } from './manifest-repo.js';

/**
 * Looks at the manifest on the default branch: our release's sha256s there means identical; our
 * URLs with other digests means different; otherwise an open pull request of ours is pending
 * (waiting for Flathub's review and build), and nothing at all is absent.
 */
export async function checkFlathub(ctx: PlatformContext): Promise<Existence> {
  const s = flathubSettings(ctx);
  const client = flathubClient(ctx);
  if (!client) return { state: 'unknown', detail: `${TOKEN} is not set, so ${s.owner}/${s.repo} cannot be read` };
  const branch = await defaultBranch(client, s);
  if (!branch) return { state: 'absent', detail: `${s.owner}/${s.repo} does not exist yet (a first Flathub submission)` };
  const file = await readFile(client, s, s.manifestPath, branch);
  const ours = s.targets.map((t) => ctx.assets.find((a) => a.target === t.id)).filter((a) => a !== undefined);
  if (file) {
    const theirs = archiveSources(parse(file.text));
    const shas = new Set(theirs.map((x) => x.sha256));
    if (ours.length > 0 && ours.every((a) => shas.has(a.sha256))) {
      return { state: 'identical', detail: `${s.manifestPath} on ${branch} has the release's sha256 for ${s.targets.map((t) => t.aur).join(', ')}`, url: `https://flathub.org/apps/${s.appId}` };
    }
    const sameUrl = ours.filter((a) => theirs.some((x) => x.url === a.url && x.sha256 !== a.sha256));
    if (sameUrl.length > 0) {
      return { state: 'different', detail: `${s.manifestPath} on ${branch} points at ${sameUrl.map((a) => a.name).join(', ')} with other sha256s than the release's SHA256SUMS` };
    }
  }
  const pull = await openPull(client, s);
  if (pull) return { state: 'pending', detail: `pull request #${pull.number} for ${ctx.version.version} is open, waiting for Flathub's build and review`, url: pull.url };
  return { state: 'absent', detail: file ? `${s.manifestPath} on ${branch} is for another version` : `${s.manifestPath} is not on ${branch} yet` };
}
