import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { aurPackage } from './aur-package.js';
import { aurRemote, cloneAurRepo } from './aur-remote.js';
import { aurPackageUrl } from './check.js';
import { renderAurFiles } from './render.js';
import { comparePkgver } from './pacman-version.js';
import { readAurRepo, sameAurFiles } from './repo-state.js';

const text = (contents: string | Uint8Array): string => (typeof contents === 'string' ? contents : Buffer.from(contents).toString('utf8'));

/** `Name <mail>` from project.maintainer, for the commit; a neutral bot identity otherwise. */
function committer(ctx: PlatformContext): { name: string; email: string } {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(ctx.config.project.maintainer ?? '');
  return m?.[1] && m[2] ? { name: m[1], email: m[2] } : { name: 'DeployForge', email: 'deployforge@users.noreply.github.com' };
}

/**
 * Clone, pick the pkgrel (1 for a new version; the AUR's own when nothing changed, which pushes
 * nothing; one more when the same version's package changed), write PKGBUILD + .SRCINFO, commit,
 * push to master (the only branch the AUR accepts).
 */
export async function publishAur(ctx: PlatformContext, _files: RenderedFile[]): Promise<PublishResult> {
  const ours = aurPackage(ctx);
  const url = aurPackageUrl(ctx, ours.pkgname);
  const checkout = await cloneAurRepo(ctx);
  try {
    const repo = await readAurRepo(checkout.dir);
    // pacman's order, not semver's, decides what users are offered: compare the way pacman does.
    if (repo.pkgver && repo.pkgver !== ours.pkgver && comparePkgver(repo.pkgver, ours.pkgver) > 0) {
      return { status: 'failed', detail: `the AUR already has ${ours.pkgname} ${repo.pkgver}, newer than ${ours.pkgver}: pushing would downgrade every user`, url };
    }
    let pkgrel = 1;
    if (repo.pkgver === ours.pkgver && repo.pkgrel) {
      const [pkgbuild, srcinfo] = renderAurFiles(ctx, repo.pkgrel).map((f) => text(f.contents)) as [string, string];
      if (sameAurFiles(repo, pkgbuild, srcinfo)) {
        return { status: 'skipped', detail: `${ours.pkgname} ${ours.pkgver}-${repo.pkgrel} is already in the AUR repository; nothing pushed`, url };
      }
      pkgrel = repo.pkgrel + 1;
    }
    const files = renderAurFiles(ctx, pkgrel);
    for (const f of files) await writeFile(join(checkout.dir, f.path), f.contents);
    const who = committer(ctx);
    const release = `${ours.pkgver}-${pkgrel}`;
    await checkout.gitOk(['add', '--', ...files.map((f) => f.path)], 'staging PKGBUILD and .SRCINFO');
    await checkout.gitOk(
      ['-c', `user.name=${who.name}`, '-c', `user.email=${who.email}`, 'commit', '--quiet', '--no-gpg-sign', '-m', `Update to ${release}`],
      'committing',
    );
    await checkout.gitOk(['push', '--quiet', 'origin', 'HEAD:refs/heads/master'], `pushing to ${aurRemote(ctx)}`);
    return { status: 'published', detail: `pushed ${ours.pkgname} ${release} to ${aurRemote(ctx)}`, url };
  } finally {
    await checkout.dispose();
  }
}
