import { join } from 'node:path';
import type { PlatformContext, RenderedFile } from '../platform.js';
import { buildSnap } from './build-snap.js';
import { snapSettings } from './snap-settings.js';
import { snapFileName } from './snap-yaml.js';

/** The .snap files publish would upload (mksquashfs with pinned timestamps: the same bytes each time). */
export async function snapshotSnap(ctx: PlatformContext, files: readonly RenderedFile[], outDir: string): Promise<string[]> {
  const settings = snapSettings(ctx);
  const written: string[] = [];
  for (const target of settings.targets) {
    const asset = ctx.assets.find((a) => a.target === target.id);
    if (!asset) throw new Error(`no archive for ${target.id}`);
    const yamlFile = files.find((f) => f.path === `${target.snap}/meta/snap.yaml`);
    if (!yamlFile) throw new Error(`no rendered snap.yaml for ${target.snap}`);
    const name = snapFileName(settings, target.snap);
    await buildSnap({
      ctx, target, asset, binary: settings.binary,
      snapYaml: typeof yamlFile.contents === 'string' ? yamlFile.contents : Buffer.from(yamlFile.contents).toString('utf8'),
      output: join(outDir, name),
    });
    written.push(name);
  }
  return written;
}
