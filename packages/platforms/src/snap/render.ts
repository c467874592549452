import type { PlatformContext, RenderedFile } from '../platform.js';
import { renderSnapYaml } from './snap-yaml.js';
import { snapSettings } from './snap-settings.js';

/** One `meta/snap.yaml` per snap architecture, under `<arch>/` (each becomes its own .snap). */
export function renderSnap(ctx: PlatformContext): RenderedFile[] {
  const settings = snapSettings(ctx);
  return settings.targets.map((t) => ({ path: `${t.snap}/meta/snap.yaml`, contents: renderSnapYaml(settings, t.snap) }));
}
