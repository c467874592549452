import { binaryName, sortTargets, type TargetInfo } from '@deployforge/targets';
import type { PlatformContext, ReleaseAsset } from '../platform.js';
import type { NpmSettings } from './npm-settings.js';

/** One per-target package: `<package>-<target>` carrying that target's binary in `bin/`. */
export interface TargetPackage {
  name: string;
  /** Folder of its files among the rendered files (the package name, so scoped names nest). */
  dir: string;
  target: TargetInfo;
  asset: ReleaseAsset;
  /** The binary's file name inside the release archive and inside the package's `bin/`. */
  binaryFile: string;
}

/** The launcher package and the per-target packages it wires in through optionalDependencies. */
export interface NpmPackagePlan {
  main: { name: string; dir: string };
  targets: TargetPackage[];
}

/**
 * Which packages a release becomes. Pure: the same context always gives the same plan, so render,
 * check and publish agree on names without passing state around. Only targets the release really
 * has an archive for get a package: a main package must never point at a package that cannot exist.
 */
export function planNpmPackages(ctx: PlatformContext, settings: NpmSettings): NpmPackagePlan {
  const byTarget = new Map(ctx.assets.filter((a) => a.target !== undefined).map((a) => [a.target, a] as const));
  if (byTarget.size === 0) {
    throw new Error(`release ${ctx.version.tag} has no archives with a target: nothing to put in the npm packages`);
  }
  const targets = sortTargets([...byTarget.keys()].filter((t): t is NonNullable<typeof t> => t !== undefined)).map((target) => {
    const name = `${settings.packageName}-${target.id}`;
    return { name, dir: name, target, asset: byTarget.get(target.id)!, binaryFile: binaryName(settings.binary, target.id) };
  });
  return { main: { name: settings.packageName, dir: settings.packageName }, targets };
}

/** Every package in publish order: per-target first, so the main one never points at a missing package. */
export function packagesInPublishOrder(plan: NpmPackagePlan): { name: string; dir: string; target?: TargetPackage }[] {
  return [...plan.targets.map((t) => ({ name: t.name, dir: t.dir, target: t })), plan.main];
}
