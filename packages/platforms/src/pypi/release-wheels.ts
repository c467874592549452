import { join } from 'node:path';
import { mapWithConcurrency } from '@deployforge/github';
import { binaryName, targetInfo, type TargetId } from '@deployforge/targets';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { buildWheel, type BuiltWheel } from './build-wheel.js';
import { readElfLibcNeeds } from './elf-libc-needs.js';
import { extractBinary } from './extract-binary.js';
import { declaredWheelTag, linuxWheelTag } from './linux-wheel-tag.js';
import { wheelFileName, wheelFolders } from './pypi-names.js';
import type { PypiSettings } from './pypi-settings.js';
import { renderWheelFile } from './wheel-metadata.js';

export interface ReleaseWheel extends BuiltWheel {
  filename: string;
  /** The wheel's name in the rendered files (its tag before the binary was read). */
  renderedAs: string;
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
    const renderedAs = wheelFileName(settings.name, settings.version, declaredWheelTag(target, settings.manylinux));
    const rendered = files
      .filter((f) => f.path.startsWith(`${renderedAs}/`))
      .map((f) => ({ path: f.path.slice(renderedAs.length + 1), contents: f.contents }));
    if (rendered.length === 0) throw new Error(`nothing was rendered for ${renderedAs}`);
    const archive = await ctx.fetchAsset(asset);
    const exe = binaryName(settings.binary, target);
    const binary = await extractBinary(archive, exe, join(ctx.workDir, 'pypi', 'bin', target));
    // A manylinux tag promises a glibc: the binary says which one it needs (PEP 600).
    const tag = targetInfo(target).os === 'linux' ? linuxWheelTag(target, await readElfLibcNeeds(binary), settings.manylinux) : targetInfo(target).pypi.platformTag;
    const filename = wheelFileName(settings.name, settings.version, tag);
    const texts = rendered.map((f) => (f.path === `${distInfo}/WHEEL` ? { ...f, contents: renderWheelFile(tag) } : f));
    if (filename !== renderedAs) ctx.log.info(`pypi: ${target}: the binary needs ${tag.replace(/_(x86_64|aarch64)$/, '')}, so the wheel is ${filename}`);
    const wheel = await buildWheel(
      { texts, binary: { source: binary, path: `${scripts}/${exe}` }, recordPath: `${distInfo}/RECORD` },
      join(ctx.workDir, 'pypi', 'dist', filename),
    );
    return { ...wheel, filename, renderedAs, target };
  });
}
