import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { compareYum } from './yum-repository-state.js';

/**
 * Identical when the yum metadata lists every .rpm of this release with the same sha256; different
 * when one is listed with another digest; absent otherwise (a partial earlier run is completed).
 */
export async function checkYum(ctx: PlatformContext): Promise<Existence> {
  const c = await compareYum(ctx);
  const where = `${c.snapshot.branch} of ${c.block.repository}`;
  const named = (want: string) => c.rpms.filter((_, i) => c.listed[i] === want).map((r) => r.built.fileName);
  const different = named('different');
  if (different.length) return { state: 'different', detail: `the yum metadata on ${where} lists ${different.join(', ')} with other sha256 digests` };
  const absent = named('absent');
  if (absent.length === 0) return { state: 'identical', detail: `the yum metadata on ${where} lists all ${c.rpms.length} .rpm package(s) of ${ctx.version.version} with the same sha256` };
  return { state: 'absent', detail: `not yet in the yum metadata on ${where}: ${absent.join(', ')}` };
}
