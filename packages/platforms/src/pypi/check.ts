import type { Existence } from '../existence.js';
import type { PlatformContext } from '../platform.js';
import { compareWheels, describeComparison } from './compare-wheels.js';
import { fetchReleaseFiles } from './pypi-json-api.js';
import { pypiSettings } from './pypi-settings.js';
import { releaseWheels } from './release-wheels.js';
import { renderPypi } from './render.js';

/**
 * `GET <index>/pypi/<name>/<version>/json`: 404 is absent; otherwise every wheel we would upload is
 * built (deterministically, from the verified release archives) and compared by sha256.
 */
export async function checkPypi(ctx: PlatformContext): Promise<Existence> {
  const settings = pypiSettings(ctx);
  const release = await fetchReleaseFiles(settings.index, settings.name, settings.version, ctx.signal, ctx.log);
  if (!release.files) {
    return { state: 'absent', detail: `${settings.name} ${settings.version} is not on ${settings.index}` };
  }
  const wheels = await releaseWheels(ctx, settings, renderPypi(ctx));
  const comparison = compareWheels(wheels, release.files);
  return { state: comparison.state, detail: describeComparison(comparison), url: release.url };
}
