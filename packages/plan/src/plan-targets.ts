import { archiveName, binaryName, sortTargets, targetInfo, type TargetId } from '@deployforge/targets';
import type { MatrixEntry, PlannedTarget } from './plan-types.js';

export interface TargetNaming {
  project: string;
  version: string;
  binary: string;
  /** npm package the per-target packages are named after (`<package>-<target>`). */
  npmPackage: string;
  /** `build.cross`: the one runner every target builds on, instead of each target's own. */
  crossRunner?: string;
}

export function planTarget(id: TargetId, naming: TargetNaming): PlannedTarget {
  const t = targetInfo(id);
  const entry: MatrixEntry = {
    target: id,
    'runs-on': naming.crossRunner ?? t.runner,
    'rust-target': t.rustTriple,
    goos: t.goos,
    goarch: t.goarch,
    archive: archiveName(naming.project, naming.version, id),
    'archive-format': t.archive,
    binary: binaryName(naming.binary, id),
  };
  return {
    ...entry,
    os: t.os,
    arch: t.arch,
    ...(t.libc ? { libc: t.libc } : {}),
    npm: { ...t.npm, package: `${naming.npmPackage}-${id}` },
    pypi: t.pypi,
    ...(t.oci ? { oci: t.oci } : {}),
    ...(t.homebrew ? { homebrew: t.homebrew } : {}),
    ...(t.scoop ? { scoop: t.scoop } : {}),
    ...(t.winget ? { winget: t.winget } : {}),
    ...(t.aur ? { aur: t.aur } : {}),
    ...(t.snap ? { snap: t.snap } : {}),
    ...(t.nix ? { nix: t.nix } : {}),
  };
}

export function planTargets(ids: readonly TargetId[], naming: TargetNaming): PlannedTarget[] {
  return sortTargets(ids).map((t) => planTarget(t.id, naming));
}

/** The slim rows for `strategy.matrix`: only what a build step reads. */
export function matrixEntry(t: PlannedTarget): MatrixEntry {
  const { target, archive, binary, goos, goarch } = t;
  return { target, 'runs-on': t['runs-on'], 'rust-target': t['rust-target'], goos, goarch, archive, 'archive-format': t['archive-format'], binary };
}
