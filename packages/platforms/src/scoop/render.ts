import { ConfigurationError } from '@deployforge/diagnostics';
import { binaryName } from '@deployforge/targets';
import { projectHomepage, requireArchives } from '../git-remote/index.js';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { autoupdateUrl } from './autoupdate-url.js';
import { manifestPath } from './bucket-target.js';

/**
 * `bucket/<name>.json`: one `architecture` entry per Windows archive of the release (url + sha256),
 * the binary on PATH via `bin`, and `checkver`/`autoupdate` so `scoop`'s own excavator can follow
 * later releases even without DeployForge.
 */
export function renderScoop(ctx: PlatformContext): RenderedFile[] {
  const { project } = ctx.config;
  const binary = ctx.config.build?.binary ?? project.name;
  const archives = requireArchives(ctx, (t) => t.scoop !== undefined, 'scoop', 'Windows');
  const { version, tag } = ctx.version;
  const homepage = projectHomepage(ctx);
  const repository = project.repository ?? ctx.env['GITHUB_REPOSITORY'];
  const sums = ctx.assets.find((a) => a.name === 'SHA256SUMS');
  if (!homepage) throw ConfigurationError.forInput('project.homepage', 'a Scoop manifest needs a homepage: set project.homepage or project.repository');

  const architecture: Record<string, { url: string; hash: string }> = {};
  const autoupdate: Record<string, { url: string; hash?: { url: string } }> = {};
  for (const { target, asset } of archives) {
    architecture[target.scoop!] = { url: asset.url, hash: asset.sha256 };
    // Scoop reads the hash of the new archive from the release's SHA256SUMS by file name.
    autoupdate[target.scoop!] = {
      url: autoupdateUrl(asset.url, version, tag),
      ...(sums ? { hash: { url: autoupdateUrl(sums.url, version, tag) } } : {}),
    };
  }
  const manifest = {
    version,
    ...(project.description ? { description: project.description } : {}),
    homepage,
    license: project.license ?? 'Unknown',
    architecture,
    bin: binaryName(binary, archives[0]!.target.id),
    ...(repository
      ? {
          checkver: { github: `${(ctx.env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/+$/, '')}/${repository}` },
          autoupdate: { architecture: autoupdate },
        }
      : {}),
  };
  return [{ path: manifestPath(ctx), contents: `${JSON.stringify(manifest, null, 4)}\n` }];
}
