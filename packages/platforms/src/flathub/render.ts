import type { PlatformContext, RenderedFile } from '../platform.js';
import { metainfoFileName, metainfoReleaseDate, readUserMetainfo, renderMetainfo } from './appstream-metainfo.js';
import { renderFlatpakManifest, renderFlathubJson } from './flatpak-manifest.js';
import { flathubSettings } from './flathub-settings.js';

/** `<app-id>.yml`, `<app-id>.metainfo.xml` (ours, or the user's own), and `flathub.json` when only one architecture ships. */
export function renderFlathub(ctx: PlatformContext): RenderedFile[] {
  const settings = flathubSettings(ctx);
  const metainfo = settings.metainfo ? readUserMetainfo(ctx, settings, settings.metainfo) : renderMetainfo(ctx, settings, metainfoReleaseDate(ctx));
  const files: RenderedFile[] = [
    { path: settings.manifestPath, contents: renderFlatpakManifest(settings, ctx.assets, ctx.version.version) },
    { path: metainfoFileName(settings.appId), contents: metainfo },
  ];
  const flathubJson = renderFlathubJson(settings);
  if (flathubJson) files.push({ path: 'flathub.json', contents: flathubJson });
  return files;
}
