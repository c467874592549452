import { dirname, resolve } from 'node:path';
import { loadConfig, type LoadedConfig } from '@deployforge/config';
import { parsePlatformSelection, spokeKeys, type PlatformSelection, type Trigger } from '@deployforge/plan';
import { resolveVersion, type ResolvedVersion, type VersionFrom } from '@deployforge/version';
import type { CliIo } from './cli-io.js';

export interface PlanFlags {
  version?: string;
  platforms?: string;
  ref?: string;
}

export interface PlanInputs {
  loaded: LoadedConfig;
  version: ResolvedVersion;
  selection: PlatformSelection;
  trigger: Trigger;
}

/** GitHub's event name tells a tag push from a dispatch; anything else is a local run. */
export function triggerFromEnv(env: CliIo['env']): Trigger {
  if (env.GITHUB_EVENT_NAME === 'workflow_dispatch') return 'dispatch';
  if (env.GITHUB_EVENT_NAME === 'push') return 'tag';
  return 'local';
}

/**
 * Config, version and selection, validated in that order, each failing with a ConfigurationError
 * (exit 2) before any network or write happens. Shared by `plan`, `check-exists`, `release`.
 */
export async function loadPlanInputs(configPath: string, flags: PlanFlags, io: CliIo): Promise<PlanInputs> {
  const loaded = await loadConfig(configPath);
  const tagPrefix = loaded.config.version?.['tag-prefix'] ?? 'v';
  const ref = flags.ref ?? io.env.GITHUB_REF;
  const version = await resolveVersion({
    // The schema's pattern already restricts `from` to these forms.
    from: (loaded.config.version?.from ?? 'tag') as VersionFrom,
    tagPrefix,
    ...(ref ? { ref } : {}),
    ...(flags.version !== undefined ? { input: flags.version } : {}),
    cwd: dirname(resolve(io.cwd, configPath)),
    configFile: loaded.file,
  });
  const keys = spokeKeys(loaded.config, loaded.enabledPlatforms).map((k) => k.key);
  const selection = parsePlatformSelection(flags.platforms, keys, '--platforms');
  return { loaded, version, selection, trigger: triggerFromEnv(io.env) };
}
