import type { PlatformContext, RenderedFile } from '../platform.js';
import { CRATES_IO, cratesSettings } from './crates-settings.js';

/**
 * crates.io gets the crate's own source, packaged by cargo, so there is nothing to generate: what
 * is rendered is the publish plan (crate, version, registry, the cargo command), which a dry run
 * shows and a snapshot pins. Pure: the folder is not read here.
 */
export function renderCrates(ctx: PlatformContext): RenderedFile[] {
  const s = cratesSettings(ctx);
  const block = ctx.config.platforms?.crates ?? undefined;
  const plan = {
    crate: s.name,
    version: s.version,
    path: block?.path ?? '.',
    registry: s.registry,
    index: s.sparseIndex,
    command: ['cargo', 'publish', '--allow-dirty', ...(s.registry === CRATES_IO ? [] : ['--registry', s.registry])],
  };
  return [{ path: 'cargo-publish.json', contents: `${JSON.stringify(plan, null, 2)}\n` }];
}
