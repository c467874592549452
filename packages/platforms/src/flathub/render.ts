import type { PlatformContext, RenderedFile } from '../platform.js';
import { renderFlatpakManifest, renderFlathubJson } from './flatpak-manifest.js';
import { flathubSettings } from './flathub-settings.js';

/** `<app-id>.yml`, and `flathub.json` when only one architecture ships. */
export function renderFlathub(ctx: PlatformContext): RenderedFile[] {
  const settings = flathubSettings(ctx);
  const files: RenderedFile[] = [{ path: settings.manifestPath, contents: renderFlatpakManifest(settings, ctx.assets, ctx.version.version) }];
  const flathubJson = renderFlathubJson(settings);
  if (flathubJson) files.push({ path: 'flathub.json', contents: flathubJson });
  return files;
}
