import { dirname, resolve } from 'node:path';
import { createRedactor, type Logger, errorMessage } from '@deployforge/diagnostics';
import { mapWithConcurrency } from '@deployforge/github';
import { releaseExistence } from '@deployforge/hub';
import type { InputSource } from '@deployforge/inputs';
import { type Existence } from '@deployforge/catalog';
import { loadPlatform } from '@deployforge/platforms';
import { isSelected, spokeKeys } from '@deployforge/plan';
import { credentialValues } from '@deployforge/publish';
import { openReleaseSession, type ReleaseSession } from './release-session.js';

/**
 * Existence per platform, checked concurrently with a bound: the checks are independent network
 * round trips, so N platforms cost about one round trip, not N. Never throws for one platform: a
 * failed check is `unknown` with the reason.
 */
export async function runCheckExists(options: {
  configPath: string;
  version?: string;
  platforms?: string;
  io: InputSource;
  log: Logger;
  concurrency?: number;
  /** `deployforge check-exists`: the release tag on HEAD names the version when nothing else does. */
  versionFromHeadTag?: boolean;
}): Promise<Record<string, Existence>> {
  const session = await openReleaseSession(options);
  try {
    return await checkAll(session, options);
  } finally {
    await session.dispose();
  }
}

async function checkAll(session: ReleaseSession, options: { io: InputSource; log: Logger; concurrency?: number }): Promise<Record<string, Existence>> {
  const redact = createRedactor(credentialValues(options.io.env));
  const keys = spokeKeys(session.loaded.config, session.loaded.enabledPlatforms).filter((k) => isSelected(session.selection, k.key));
  const results: Record<string, Existence> = {
    github: await releaseExistence(session.client, session.loaded, session.version, options.io.env),
  };
  const checked = await mapWithConcurrency(keys, options.concurrency ?? 8, async (k): Promise<[string, Existence]> => {
    const platform = await loadPlatform(k.platform);
    if (!platform) return [k.key, { state: 'unknown', detail: 'this version of DeployForge cannot check this platform yet' }];
    try {
      const existence = await platform.check({
        config: session.loaded.config, ...(k.instance ? { instance: k.instance } : {}), version: session.version, assets: session.assets,
        workDir: session.workRoot, env: { ...options.io.env, DEPLOYFORGE_CONFIG_DIR: resolve(dirname(session.loaded.file)) }, dryRun: true, force: false, log: options.log, fetchAsset: session.fetchAsset,
      });
      return [k.key, { ...existence, ...(existence.detail ? { detail: redact(existence.detail) } : {}) }];
    } catch (error) {
      return [k.key, { state: 'unknown', detail: redact(`the check failed: ${errorMessage(error)}`) }];
    }
  });
  for (const [key, existence] of checked) results[key] = existence;
  return results;
}
