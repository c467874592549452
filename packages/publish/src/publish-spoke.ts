import { PLATFORMS, type Existence, type SpokeStatus } from '@deployforge/catalog';
import { keepPackage, SnapshotGapError, type Platform, type PlatformContext } from '@deployforge/platforms';
import { errorMessage } from '@deployforge/diagnostics';
import { spokeDisplayName } from '@deployforge/plan';
import type { SpokeOutcome } from './spoke-outcome.js';

export interface PublishSpokeOptions {
  key: string;
  platform: Platform;
  ctx: PlatformContext;
  /** Masks secrets in every detail this returns (a registry may echo a token in its error). */
  redact: (text: string) => string;
  now?: () => number;
  /**
   * Dry runs only: keep the rendered files and the packages built from them here
   * (`.deployforge/dist/<version>/<platform>/`), the place `release --snapshot` keeps them.
   */
  keepDir?: string;
}

/**
 * One spoke, the same way everywhere: look (check), refuse what must not be overwritten, render,
 * then write, unless the version is already there or this is a dry run. Never throws: a broken
 * spoke becomes a `failed` outcome with the reason, so it can never take the other spokes down.
 */
export async function publishSpoke(options: PublishSpokeOptions): Promise<SpokeOutcome> {
  const { platform, ctx, redact } = options;
  const now = options.now ?? Date.now;
  const started = now();
  const info = PLATFORMS[platform.id];
  const name = spokeDisplayName(platform.id, ctx.config);
  const done = (status: SpokeStatus, detail: string, extra: Partial<SpokeOutcome> = {}): SpokeOutcome => ({
    key: options.key,
    platform: platform.id,
    status,
    version: ctx.version.version,
    detail: redact(detail),
    'duration-ms': now() - started,
    ...extra,
  });

  let existence: Existence;
  try {
    existence = await platform.check(ctx);
  } catch (error) {
    existence = { state: 'unknown', detail: `the existence check failed: ${errorMessage(error)}` };
  }
  existence = { ...existence, ...(existence.detail ? { detail: redact(existence.detail) } : {}) };
  const evidence = existence.detail ? `: ${existence.detail}` : '';
  const url = existence.url ? { url: existence.url } : {};

  switch (existence.state) {
    case 'identical':
      return done('skipped', `${ctx.version.version} is already published with identical content${evidence}`, { existence, ...url });
    case 'pending':
      return done('needs-human', `${ctx.version.version} is waiting for moderation on ${name}${evidence}`, { existence, ...url });
    case 'burned':
      return done('failed', `${ctx.version.version} was published and removed; ${name} never accepts it again: release a new version${evidence}`, { existence });
    case 'different':
      if (!ctx.force || !info.overwritable) {
        const why = info.overwritable ? 'pass force to replace it' : `${name} never allows replacing a version: release a new version`;
        return done('failed', `${ctx.version.version} is already published with different content; ${why}${evidence}`, { existence, ...url });
      }
      break;
    default:
      break;
  }

  let files;
  try {
    files = platform.render(ctx);
  } catch (error) {
    return done('failed', `rendering the ${name} package failed: ${errorMessage(error)}`, { existence });
  }
  const paths = files.map((f) => f.path);
  if (ctx.dryRun) {
    const unknown = existence.state === 'unknown' ? `; existence unknown${evidence}` : '';
    if (!options.keepDir) return done('dry-run', `dry run: rendered ${paths.length} file(s), wrote nothing${unknown}`, { existence, files: paths });
    let kept: string;
    try {
      kept = `kept ${(await keepPackage(platform.id, ctx, files, options.keepDir)).length} file(s) in ${options.keepDir}`;
    } catch (error) {
      // A package that cannot be made here would not be published either; one that needs a
      // registry to be made (an image on a remote base) is made by the real run.
      if (!(error instanceof SnapshotGapError)) return done('failed', `packaging for ${name} failed: ${errorMessage(error)}`, { existence, files: paths });
      kept = `rendered files kept in ${options.keepDir}; ${errorMessage(error)}`;
    }
    return done('dry-run', `dry run: published nothing; ${kept}${unknown}`, { existence, files: paths });
  }
  try {
    const result = await platform.publish(ctx, files);
    return done(result.status, result.detail, { existence, files: paths, ...(result.url ? { url: result.url } : {}), ...(result.image ? { image: result.image } : {}) });
  } catch (error) {
    return done('failed', `publishing to ${name} failed: ${errorMessage(error)}`, { existence, files: paths });
  }
}
