import { browseUrl } from '../git-remote/index.js';
import type { LiveStatus, PlatformContext } from '../platform.js';
import { packagesPath, releasePath } from '../linux-packages/apt-repository.js';
import { parseStanzas } from '../linux-packages/deb-stanzas.js';
import { readRepositoryBranch, repositoryStatus } from '../linux-packages/package-repository.js';
import { APT_WORDS, aptBlock, aptLayout } from './apt-repository-state.js';

/** Undoes the package-version mapping enough to compare: `1.0.0~rc.1-1` → `1.0.0-rc.1`. */
const semverOf = (debVersion: string) => debVersion.replace(/-[^-]+$/, '').replace('~', '-');

/** The highest version the apt index lists for the package: the repository keeps every version. */
export async function statusApt(ctx: PlatformContext): Promise<LiveStatus> {
  const block = aptBlock(ctx);
  const layout = aptLayout(block);
  const { target, snapshot } = await readRepositoryBranch(ctx, block, APT_WORDS);
  const url = browseUrl(target.remote, layout.base.replace(/\/$/, ''), snapshot.branch);
  const release = await snapshot.read(`${layout.base}${releasePath(layout)}`);
  const arches = /^Architectures:\s*(.*)$/m.exec(release ?? '')?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  const versions = new Set<string>();
  for (const arch of arches) {
    for (const s of parseStanzas(await snapshot.read(`${layout.base}${packagesPath(layout, arch)}`))) {
      if (s.fields.get('Package') === ctx.config.project.name) versions.add(semverOf(s.fields.get('Version') ?? ''));
    }
  }
  return repositoryStatus(ctx, versions, { url, branch: snapshot.branch }, APT_WORDS);
}
