import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { LoadedConfig } from '@deployforge/config';
import type { Logger } from '@deployforge/diagnostics';
import { mapWithConcurrency } from '@deployforge/github';
import { loadPlatform, spokeDistDir, type PlatformContext, type ReleaseAsset } from '@deployforge/platforms';
import type { SpokePlan } from '@deployforge/plan';
import type { ResolvedVersion } from '@deployforge/version';
import { publishSpoke } from './publish-spoke.js';
import { longestFirst } from './spoke-order.js';
import type { SpokeOutcome } from './spoke-outcome.js';

export interface RunSpokesOptions {
  loaded: LoadedConfig;
  version: ResolvedVersion;
  spokes: readonly SpokePlan[];
  assets: readonly ReleaseAsset[];
  /** Downloads (verified) an asset; shared by every spoke so each asset is fetched once. */
  fetchAsset: (asset: ReleaseAsset) => Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
  workRoot: string;
  dryRun: boolean;
  /** Spokes that run as dry runs even when `dryRun` is false. */
  dryRunKeys?: ReadonlySet<string>;
  force: boolean;
  log: Logger;
  redact: (text: string) => string;
  /** Spokes in flight at once. Default 4: spokes are network-bound, but each may run a client. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Dry-run spokes keep their rendered files and packages in `<keepRoot>/<spoke>/` (`.deployforge/dist/<version>`). */
  keepRoot?: string;
  /**
   * Each spoke's duration in the last run (ms by spoke key, from its status.json): spokes start
   * longest first by these, or by a static estimate per platform where there is none.
   */
  lastDurations?: Readonly<Record<string, number>>;
  /** Called when a spoke starts and when it ends, for live progress. */
  onEvent?: (event: { key: string; phase: 'start' } | { key: string; phase: 'end'; outcome: SpokeOutcome }) => void;
}

/** Spokes the plan decided not to run still get an outcome, so the summary shows every platform. */
function outcomeOfSkipped(spoke: SpokePlan, version: string): SpokeOutcome {
  return {
    key: spoke.key,
    platform: spoke.platform,
    status: spoke.outcomeIfSkipped ?? 'skipped',
    version,
    detail: spoke.detail,
    'duration-ms': 0,
    ...(spoke.existence ? { existence: spoke.existence } : {}),
  };
}

/** Share one download per asset between spokes (two spokes asking at once wait for the same file). */
export function memoizeFetch(fetchAsset: (asset: ReleaseAsset) => Promise<string>): (asset: ReleaseAsset) => Promise<string> {
  const pending = new Map<string, Promise<string>>();
  return (asset) => {
    let p = pending.get(asset.name);
    if (!p) {
      p = fetchAsset(asset);
      pending.set(asset.name, p);
      p.catch(() => pending.delete(asset.name));
    }
    return p;
  };
}

/**
 * Every spoke of the plan, in parallel with a bound. One spoke's failure never stops another:
 * publishSpoke turns every error into an outcome, so this resolves with one outcome per spoke.
 */
export async function runSpokes(options: RunSpokesOptions): Promise<SpokeOutcome[]> {
  const fetchAsset = memoizeFetch(options.fetchAsset);
  // Relative paths in the config (crate path, Space folder, extension folder, custom commands)
  // are relative to deployforge.yml, wherever the process runs from.
  const env = { ...options.env, DEPLOYFORGE_CONFIG_DIR: resolve(dirname(options.loaded.file)) };
  // Started longest first; outcomes are handed back in the plan's order.
  const order = longestFirst(options.spokes, options.lastDurations);
  const outcomes = await mapWithConcurrency<SpokePlan, SpokeOutcome>(order, options.concurrency ?? 4, async (spoke) => {
    if (!spoke.run) return outcomeOfSkipped(spoke, options.version.version);
    // After Ctrl-C nothing new starts; a re-run picks these up (they were never touched).
    if (options.signal?.aborted) {
      return { key: spoke.key, platform: spoke.platform, status: 'failed', version: options.version.version, 'duration-ms': 0, detail: 'not started: the run was interrupted' };
    }
    options.onEvent?.({ key: spoke.key, phase: 'start' });
    const platform = await loadPlatform(spoke.platform);
    let outcome: SpokeOutcome;
    if (!platform) {
      outcome = { key: spoke.key, platform: spoke.platform, status: 'failed', version: options.version.version, 'duration-ms': 0,
        detail: `this version of DeployForge cannot publish to ${spoke.displayName} yet` };
    } else {
      const workDir = join(options.workRoot, spoke.key.replace(/[^a-z0-9-]/g, '-'));
      await mkdir(workDir, { recursive: true });
      const ctx: PlatformContext = {
        config: options.loaded.config,
        ...(spoke.key.startsWith('custom:') ? { instance: spoke.key.slice('custom:'.length) } : {}),
        version: options.version,
        assets: options.assets,
        workDir,
        env,
        dryRun: options.dryRun || (options.dryRunKeys?.has(spoke.key) ?? false),
        force: options.force,
        log: options.log,
        fetchAsset,
        ...(options.signal ? { signal: options.signal } : {}),
      };
      outcome = await publishSpoke({
        key: spoke.key, platform, ctx, redact: options.redact,
        ...(options.keepRoot && ctx.dryRun ? { keepDir: spokeDistDir(options.keepRoot, spoke.key) } : {}),
      });
    }
    options.onEvent?.({ key: spoke.key, phase: 'end', outcome });
    return outcome;
  });
  const outcomeOf = new Map(order.map((spoke, i) => [spoke, outcomes[i]!]));
  return options.spokes.map((spoke) => outcomeOf.get(spoke)!);
}
