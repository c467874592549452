import type { CustomCommandConfig } from '@deployforge/config';
import type { ResolvedVersion } from '@deployforge/version';

/** A release archive as the command sees it: the target, its verified local path and digest. */
export interface LocalArchive {
  target: string;
  path: string;
  sha256: string;
}

/** `linux-x64-musl` → `LINUX_X64_MUSL`: the suffix of DEPLOYFORGE_ASSET_* / DEPLOYFORGE_SHA256_*. */
export function targetEnvSuffix(target: string): string {
  return target.toUpperCase().replace(/-/g, '_');
}

/**
 * The whole environment of a custom command, built from scratch. Nothing from the runner's own
 * environment leaks in except PATH, HOME and the secrets the entry lists by name (a workflow's other
 * secrets stay out of a command that did not ask for them), and every value travels as an environment variable: the script text is the
 * user's, byte for byte, so a hostile version string can never become shell syntax.
 */
export function commandEnv(options: {
  version: ResolvedVersion;
  entry: CustomCommandConfig;
  assetsDir: string;
  archives: readonly LocalArchive[];
  path: string | undefined;
  home: string | undefined;
  /** The values of the entry's `secrets:` names, taken from the spoke's environment (all present). */
  secrets?: Readonly<Record<string, string>>;
}): Record<string, string> {
  const env: Record<string, string> = {};
  if (options.path !== undefined) env.PATH = options.path;
  if (options.home !== undefined) env.HOME = options.home;
  // The entry's own variables come before ours, so a typo in `env:` can never shadow the facts
  // of the release the command is deploying.
  Object.assign(env, options.entry.env ?? {});
  // Only the secrets the entry lists pass through: the runner's other credentials stay out.
  Object.assign(env, options.secrets ?? {});
  env.DEPLOYFORGE_VERSION = options.version.version;
  env.DEPLOYFORGE_TAG = options.version.tag;
  env.DEPLOYFORGE_PRERELEASE = options.version.prerelease ? 'true' : 'false';
  env.DEPLOYFORGE_ASSETS_DIR = options.assetsDir;
  // The name the config schema and the examples document; same folder.
  env.DEPLOYFORGE_ASSETS = options.assetsDir;
  for (const archive of options.archives) {
    const suffix = targetEnvSuffix(archive.target);
    env[`DEPLOYFORGE_ASSET_${suffix}`] = archive.path;
    env[`DEPLOYFORGE_SHA256_${suffix}`] = archive.sha256;
  }
  return env;
}
