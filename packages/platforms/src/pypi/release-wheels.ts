import { join } from 'node:path';
import { mapWithConcurrency } from '@deployforge/github';
import { binaryName, targetInfo, type TargetId } from '@deployforge/targets';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { buildWheel, type BuiltWheel } from './build-wheel.js';
import { extractBinary } from './extract-binary.js';
import { wheelFileName, wheelFolders } from './pypi-names.js';
import type { PypiSettings } from './pypi-settings.js';

export interface ReleaseWheel extends BuiltWheel {
  filename: string;
  target: TargetId;
}

// Each wheel needs one archive download and one zip pass: network and disk bound, so a couple in
// flight at once, not all eight.
const CONCURRENCY = 2;

/**
 * Builds one wheel per target archive from the rendered text files plus the binary taken out of
 * the (sha256-verified) release archive. check and publish both need the wheels' digests, so the
 * result is kept per context: one spoke run downloads and builds each wheel once.
 */
const built = new WeakMap<PlatformContext, Map<string, Promise<ReleaseWheel[]>>>();

export function releaseWheels(ctx: PlatformContext, settings: PypiSettings, files: readonly RenderedFile[]): Promise<ReleaseWheel[]> {
  const key = files.map((f) => `${f.path}\0${typeof f.contents === 'string' ? f.contents : Buffer.from(f.contents).toString('base64')}`).join('\0');
  let perCtx = built.get(ctx);
  if (!perCtx) built.set(ctx, (perCtx = new Map()));
  let result = perCtx.get(key);
  if (!result) {
    result = buildAll(ctx, settings, files);
    perCtx.set(key, result);
    result.catch(() => perCtx.delete(key));
  }
  return result;
}

async function buildAll(ctx: PlatformContext, settings: PypiSettings, files: readonly RenderedFile[]): Promise<ReleaseWheel[]> {
  const { distInfo, scripts } = wheelFolders(settings.name, settings.version);
  const archives = ctx.assets.filter((a) => a.target !== undefined);
  return mapWithConcurrency(archives, CONCURRENCY, async (asset) => {
    const target = asset.target as TargetId;
    const filename = wheelFileName(settings.name, settings.version, targetInfo(target).pypi.platformTag);
    const texts = files
      .filter((f) => f.path.startsWith(`${filename}/`))
      .map((f) => ({ path: f.path.slice(filename.length + 1), contents: f.contents }));
    if (texts.length === 0) throw new Error(`nothing was rendered for ${filename}`);
    const archive = await ctx.fetchAsset(asset);
    const exe = binaryName(settings.binary, target);
    const binary = await extractBinary(archive, exe, join(ctx.workDir, 'pypi', 'bin', target));
    const wheel = await buildWheel(
      { texts, binary: { source: binary, path: `${scripts}/${exe}` }, recordPath: `${distInfo}/RECORD` },
      join(ctx.workDir, 'pypi', 'dist', filename),
    );
    return { ...wheel, filename, target };
  });
}
