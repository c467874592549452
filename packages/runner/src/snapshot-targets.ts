import type { LoadedConfig } from '@deployforge/config';
import { ConfigurationError } from '@deployforge/diagnostics';
import { hostTarget, isTargetId, suggestTargetId, type TargetId } from '@deployforge/targets';

/**
 * The targets a snapshot builds: `--targets a,b` (each one of build.targets), else every target
 * when build.cross says the toolchain cross-compiles, else the machine's own target, the one a
 * local toolchain can always build. A host that is not among build.targets
 * is bad input (exit 2): building a target the release never ships would rehearse nothing.
 */
export function snapshotTargets(loaded: LoadedConfig, given: string | undefined, host: TargetId | undefined = hostTarget()): TargetId[] {
  const configured = loaded.config.build?.targets ?? [];
  const listed = `build.targets in ${loaded.file} lists ${configured.length ? configured.join(', ') : 'none'}`;
  if (given === undefined) {
    // build.cross: this machine builds every target, as the workflow's one Linux runner does.
    if (loaded.config.build?.cross === true && configured.length > 0) return [...configured];
    if (!host) throw ConfigurationError.forInput('--targets', `this machine is not a target DeployForge builds for (${process.platform}/${process.arch}); name the targets to build, e.g. --targets linux-x64`);
    if (!configured.includes(host)) throw ConfigurationError.forInput('--targets', `this machine's target ${host} is not in the release: ${listed}; name the ones to build, e.g. --targets ${configured[0] ?? 'linux-x64'}`);
    return [host];
  }
  const ids = given.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw ConfigurationError.forInput('--targets', 'expected a comma-separated list of target ids, got nothing');
  const chosen: TargetId[] = [];
  for (const id of ids) {
    if (!isTargetId(id)) {
      const hint = suggestTargetId(id);
      throw ConfigurationError.forInput('--targets', `${id} is not a target id${hint ? ` (did you mean ${hint}?)` : ''}; ${listed}`);
    }
    if (!configured.includes(id)) throw ConfigurationError.forInput('--targets', `${id} is not in the release: ${listed}`);
    if (!chosen.includes(id)) chosen.push(id);
  }
  return chosen;
}
