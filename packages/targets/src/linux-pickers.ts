import type { TargetId } from './target-ids.js';
import type { TargetInfo, TargetLibc } from './target-info.js';
import { sortTargets } from './target-lookup.js';

/**
 * Ecosystems that know an architecture but not a C library (OCI platforms, pacman `arch`, snap
 * architectures) can take only one Linux binary per architecture. Given the targets that were
 * built, pick one per architecture: the preferred libc when it was built, else the other one.
 * Returned in canonical order (x64 first).
 */
export function pickLinuxPerArch(built: readonly TargetId[], prefer: TargetLibc): TargetInfo[] {
  const linux = sortTargets(built).filter((t) => t.os === 'linux');
  const picked: TargetInfo[] = [];
  for (const arch of ['x64', 'arm64'] as const) {
    const candidates = linux.filter((t) => t.arch === arch);
    const choice = candidates.find((t) => t.libc === prefer) ?? candidates[0];
    if (choice) picked.push(choice);
  }
  return picked;
}

/**
 * The docker spoke prefers musl: a static musl binary runs on `distroless/static` (no libc at all,
 * the smallest and least-patched base). A glibc binary there fails with a confusing "no such file"
 * from the missing dynamic loader, so when only gnu was built the spoke must use a glibc base such as
 * `distroless/cc`; check `libc` of the returned rows.
 */
export function ociTargets(built: readonly TargetId[]): TargetInfo[] {
  return pickLinuxPerArch(built, 'musl');
}

/** AUR `-bin` packages run on Arch, a glibc distribution: gnu, or musl (static, still runs) if that is all there is. */
export function aurTargets(built: readonly TargetId[]): TargetInfo[] {
  return pickLinuxPerArch(built, 'gnu');
}

/** Snaps run on a glibc base snap (core22/core24): gnu first, like AUR. */
export function snapTargets(built: readonly TargetId[]): TargetInfo[] {
  return pickLinuxPerArch(built, 'gnu');
}
