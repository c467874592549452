import { spawn } from 'node:child_process';
import type { LoadedConfig } from '@deployforge/config';
import { ConfigurationError, UserFacingError, type Logger } from '@deployforge/diagnostics';
import type { MatrixEntry } from '@deployforge/plan';
import type { ResolvedVersion } from '@deployforge/version';
import { buildEnv } from './build-env.js';
import { packageTarget, type PackagedTarget } from './package-target.js';
import { lineSplitter } from './prefix-lines.js';

export { buildEnv };

export interface BuildOptions {
  loaded: LoadedConfig;
  version: ResolvedVersion;
  matrix: readonly MatrixEntry[];
  /** The folder deployforge.yml is in: commands run there and paths are relative to it. */
  projectDir: string;
  outDir: string;
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
  signal?: AbortSignal;
}

function runCommand(command: string, cwd: string, env: Record<string, string | undefined>, log: Logger, prefix: string, signal?: AbortSignal): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
    // One splitter per stream: each holds its own partial line until the rest of it arrives.
    const out = lineSplitter((line) => log.info(`${prefix} ${line}`));
    const err = lineSplitter((line) => log.info(`${prefix} ${line}`));
    child.stdout.on('data', (chunk: Buffer) => out.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.write(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      out.flush();
      err.flush();
      resolvePromise(code ?? 1);
    });
  });
}

/**
 * Run the project's own build once per target and package each binary (+ build.files) into the
 * archive the hub expects. A target whose build fails is an error naming it: the release must not
 * be published without it. Each archive comes with its SHA-256, taken as it was written.
 */
export async function buildArtifacts(options: BuildOptions): Promise<PackagedTarget[]> {
  const build = options.loaded.config.build;
  if (!build?.command || !build.path) {
    throw new ConfigurationError(`${options.loaded.file}: build.command and build.path are needed to build locally; or pass --artifacts DIR with prebuilt archives`);
  }
  const archives: PackagedTarget[] = [];
  for (const entry of options.matrix) {
    // build.cross: the same variables as the workflow's cross build job, CGO_ENABLED=0 included.
    const env = { ...options.env, ...buildEnv(entry, options.version), ...(build.cross === true ? { CGO_ENABLED: '0' } : {}) };
    const prefix = `[build ${entry.target}]`;
    // A command written as a YAML block has several lines: each is prefixed, as its output is.
    for (const line of build.command.trimEnd().split('\n')) options.log.info(`${prefix} ${line}`);
    const code = await runCommand(build.command, options.projectDir, env, options.log, prefix, options.signal);
    // The project's own build failing is the user's to fix (its output is just above), not our bug.
    if (code !== 0) {
      throw new UserFacingError(
        `the build for ${entry.target} failed: build.command exited with code ${code} (its output is above, prefixed ${prefix}). ` +
          `Fix the build or build.command in ${options.loaded.file} and re-run, or pass --artifacts DIR with archives built elsewhere.`,
      );
    }
    archives.push(await packageTarget({ ...options, entry, env }));
    options.log.info(`${prefix} packaged ${entry.archive}`);
  }
  return archives;
}
