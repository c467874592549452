import type { Logger } from '@deployforge/diagnostics';
import type { InputSource } from '@deployforge/inputs';
import { createPlan, credentialFactsFromEnv, type SpokePlan } from '@deployforge/plan';
import { credentialValues, runSpokes, type SpokeOutcome } from '@deployforge/publish';
import { createRedactor } from '@deployforge/diagnostics';
import { openReleaseSession } from './release-session.js';

/**
 * One spoke against an existing release: `deployforge publish <platform>` and every
 * `publish-<platform>` action. The plan still decides first, so a missing credential is reported
 * before anything is written.
 */
export async function runPublish(options: {
  configPath: string;
  key: string;
  version?: string;
  dryRun: boolean;
  force: boolean;
  io: InputSource;
  log: Logger;
  /** `deployforge publish`: the release tag on HEAD names the version when nothing else does. */
  versionFromHeadTag?: boolean;
}): Promise<{ outcome: SpokeOutcome; spoke: SpokePlan }> {
  const session = await openReleaseSession({
    configPath: options.configPath, ...(options.version ? { version: options.version } : {}), platforms: options.key, io: options.io, log: options.log,
    ...(options.versionFromHeadTag ? { versionFromHeadTag: true } : {}),
  });
  // The session's scratch space (downloads, the spoke's work dir) never outlives the command.
  try {
    const plan = createPlan({ ...session, credentials: credentialFactsFromEnv(options.io.env), force: options.force, dryRun: options.dryRun });
    const spoke = plan.spokes.filter((s) => s.run || s.key === options.key || s.platform === options.key);
    const selected = spoke.find((s) => s.key === options.key) ?? spoke[0];
    if (!selected) throw new Error(`no spoke ${options.key} in the plan`);
    const [outcome] = await runSpokes({
      loaded: session.loaded, version: session.version, spokes: [selected], assets: session.assets, fetchAsset: session.fetchAsset,
      env: options.io.env, workRoot: session.workRoot, dryRun: options.dryRun, force: options.force, log: options.log,
      redact: createRedactor(credentialValues(options.io.env)),
    });
    return { outcome: outcome as SpokeOutcome, spoke: selected };
  } finally {
    await session.dispose();
  }
}
