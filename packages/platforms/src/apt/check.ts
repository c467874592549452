import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { compareApt } from './apt-repository-state.js';

/**
 * Identical when the apt index lists every .deb of this release with the same sha256; different
 * when one is listed with another digest; absent otherwise (a partial earlier run is completed).
 */
export async function checkApt(ctx: PlatformContext): Promise<Existence> {
  const c = await compareApt(ctx);
  const where = `${c.snapshot.branch} of ${c.block.repository}`;
  const named = (want: string) => c.debs.filter((_, i) => c.listed[i] === want).map((d) => d.built.fileName);
  const different = named('different');
  if (different.length) return { state: 'different', detail: `the apt index on ${where} lists ${different.join(', ')} with other sha256 digests` };
  const absent = named('absent');
  if (absent.length === 0) return { state: 'identical', detail: `the apt index on ${where} lists all ${c.debs.length} .deb package(s) of ${ctx.version.version} with the same sha256` };
  return { state: 'absent', detail: `not yet in the apt index on ${where}: ${absent.join(', ')}` };
}
