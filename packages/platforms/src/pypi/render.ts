import type { PlatformContext, RenderedFile } from '../platform.js';
import { declaredWheelTag } from './linux-wheel-tag.js';
import { wheelFileName, wheelFolders } from './pypi-names.js';
import { pypiSettings } from './pypi-settings.js';
import { renderWheelFile, renderWheelMetadata } from './wheel-metadata.js';

/**
 * The text files of every wheel, one wheel per target archive in the release, each path prefixed
 * with its wheel's file name (`hello_forge_bin-1.0.0-py3-none-win_amd64.whl/…/METADATA`). The
 * binary itself and RECORD (which hashes it) need the archive's bytes, so publish adds them: that
 * keeps this function pure and its output snapshot-testable.
 */
export function renderPypi(ctx: PlatformContext): RenderedFile[] {
  const settings = pypiSettings(ctx);
  const metadata = renderWheelMetadata(ctx.config, settings);
  const { distInfo } = wheelFolders(settings.name, settings.version);
  const files: RenderedFile[] = [];
  for (const asset of ctx.assets) {
    if (!asset.target) continue;
    // Linux tags are checked against (or, without platforms.pypi.manylinux, derived from) each binary when the wheels are built.
    const tag = declaredWheelTag(asset.target, settings.manylinux);
    const wheel = wheelFileName(settings.name, settings.version, tag);
    files.push(
      { path: `${wheel}/${distInfo}/METADATA`, contents: metadata },
      { path: `${wheel}/${distInfo}/WHEEL`, contents: renderWheelFile(tag) },
    );
  }
  if (files.length === 0) {
    throw new Error('the release has no target archives to turn into wheels');
  }
  return files;
}
