import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { LoadedConfig } from '@deployforge/config';
import { parsePlatformSelection, spokeKeys, type PlatformSelection, type Trigger } from '@deployforge/plan';
import { resolveVersion, type ResolvedVersion, type VersionFrom } from '@deployforge/version';

/** The part of the process the inputs come from; the CLI and the actions pass their own. */
export interface InputSource {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

export interface PlanFlags {
  version?: string;
  /** How messages name `version`: `--version` for the CLI; the default `version` is the dispatch or action input. */
  versionName?: string;
  platforms?: string;
  ref?: string;
  /**
   * A local run's stand-in for the pushed tag: asked only when version.from is "tag", no version
   * was given and no ref (GITHUB_REF) names one. Returns the tag to release (`refs/tags/v1.2.3`),
   * undefined to read the version as without a ref, or throws a ConfigurationError saying why
   * there is none.
   */
  tagWhenUntagged?: (tagPrefix: string, configFile: string) => Promise<string | undefined>;
}

export interface PlanInputs {
  loaded: LoadedConfig;
  version: ResolvedVersion;
  selection: PlatformSelection;
  trigger: Trigger;
}

/**
 * The config path as files are named in messages: relative to the process, so they read
 * `deployforge.yml:3:5`, yet correct when the caller's working directory (a test, a monorepo
 * subfolder) is not the process's.
 */
export function configFileFor(configPath: string, cwd: string): string {
  return isAbsolute(configPath) ? configPath : relative(process.cwd(), resolve(cwd, configPath)) || configPath;
}

/** GitHub's event name tells a tag push from a dispatch; anything else is a local run. */
export function triggerFromEnv(env: InputSource['env']): Trigger {
  if (env.GITHUB_EVENT_NAME === 'workflow_dispatch') return 'dispatch';
  if (env.GITHUB_EVENT_NAME === 'push') return 'tag';
  return 'local';
}

/**
 * Config, version and selection, validated in that order, each failing with a ConfigurationError
 * (exit 2) before any network or write happens. Shared by the CLI commands and the actions.
 */
export async function loadPlanInputs(configPath: string, flags: PlanFlags, io: InputSource): Promise<PlanInputs> {
  const configFile = configFileFor(configPath, io.cwd);
  // Loaded on first use: this package also serves platform selection to summarize, which reads no
  // config when the plan succeeded and should not load the YAML parser and validator (issue 20).
  const { loadConfig } = await import('@deployforge/config');
  const loaded = await loadConfig(configFile);
  const tagPrefix = loaded.config.version?.['tag-prefix'] ?? 'v';
  // The schema's pattern already restricts `from` to these forms.
  const from = (loaded.config.version?.from ?? 'tag') as VersionFrom;
  let ref = flags.ref ?? io.env.GITHUB_REF;
  // An empty version is the dispatch default, "not given"; an empty GITHUB_REF names nothing either.
  if (from === 'tag' && !ref && !flags.version && flags.tagWhenUntagged) ref = (await flags.tagWhenUntagged(tagPrefix, loaded.file)) ?? ref;
  const version = await resolveVersion({
    from,
    tagPrefix,
    ...(ref ? { ref } : {}),
    ...(flags.version !== undefined ? { input: flags.version } : {}),
    ...(flags.versionName !== undefined ? { inputName: flags.versionName } : {}),
    cwd: dirname(resolve(configFile)),
    configFile: loaded.file,
  });
  const keys = spokeKeys(loaded.config, loaded.enabledPlatforms).map((k) => k.key);
  const selection = parsePlatformSelection(flags.platforms, keys, '--platforms');
  return { loaded, version, selection, trigger: triggerFromEnv(io.env) };
}
