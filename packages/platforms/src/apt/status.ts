import { browseUrl, readRemoteBranch } from '../git-remote/index.js';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { packagesPath, releasePath } from '../linux-packages/apt-repository.js';
import { parseStanzas } from '../linux-packages/deb-stanzas.js';
import { packageRepositoryTarget } from '../linux-packages/repository-target.js';
import { aptBlock, aptLayout } from './apt-repository-state.js';

/** Undoes the package-version mapping enough to compare: `1.0.0~rc.1-1` → `1.0.0-rc.1`. */
const semverOf = (debVersion: string) => debVersion.replace(/-[^-]+$/, '').replace('~', '-');

/** The highest version the apt index lists for the package: the repository keeps every version. */
export async function statusApt(ctx: PlatformContext): Promise<LiveStatus> {
  const block = aptBlock(ctx);
  const layout = aptLayout(block);
  const target = packageRepositoryTarget(ctx, block, 'apt');
  const snapshot = await readRemoteBranch(target, block.branch, `reading the apt repository from ${target.remote.spec}`);
  const url = browseUrl(target.remote, layout.base.replace(/\/$/, ''), snapshot.branch);
  const release = await snapshot.read(`${layout.base}${releasePath(layout)}`);
  const arches = /^Architectures:\s*(.*)$/m.exec(release ?? '')?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  const versions = new Set<string>();
  for (const arch of arches) {
    for (const s of parseStanzas(await snapshot.read(`${layout.base}${packagesPath(layout, arch)}`))) {
      if (s.fields.get('Package') === ctx.config.project.name) versions.add(semverOf(s.fields.get('Version') ?? ''));
    }
  }
  if (versions.size === 0) return { url, detail: `no ${ctx.config.project.name} package in the apt index on ${snapshot.branch}` };
  const { compare } = await import('semver');
  const latest = [...versions].sort((a, b) => compare(a, b, true)).at(-1)!;
  return { latest, url, detail: `${versions.size} version(s) in the apt index on ${snapshot.branch}` };
}
