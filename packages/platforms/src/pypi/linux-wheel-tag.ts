import { ConfigurationError } from '@deployforge/diagnostics';
import { targetInfo, type TargetId } from '@deployforge/targets';
import type { ElfLibcNeeds } from './elf-libc-needs.js';

/** The oldest glibc a derived tag names: manylinux_2_17 (manylinux2014), rustc's own minimum. */
const GLIBC_FLOOR = 17;
const SETTING = 'platforms.pypi.manylinux';

/** `platforms.pypi.manylinux` (`manylinux_2_28` or `2.28`) as the glibc minor it promises. */
export function manylinuxSetting(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(?:manylinux_)?2[._](\d+)$/.exec(value);
  if (!m) throw ConfigurationError.forInput(SETTING, `${JSON.stringify(value)} is not a glibc version; expected e.g. manylinux_2_28 or 2.28`);
  return Number(m[1]);
}

const archOf = (target: TargetId): 'x86_64' | 'aarch64' => (targetInfo(target).arch === 'x64' ? 'x86_64' : 'aarch64');

/**
 * The platform tag render writes before any binary is read: the configured manylinux for glibc
 * targets, else the target table's (manylinux_2_17 / musllinux_1_2). Publishing then checks it
 * against the binary (see {@link linuxWheelTag}).
 */
export function declaredWheelTag(target: TargetId, manylinux: number | undefined): string {
  const info = targetInfo(target);
  if (info.os !== 'linux' || info.libc !== 'gnu' || manylinux === undefined) return info.pypi.platformTag;
  return `manylinux_2_${manylinux}_${archOf(target)}`;
}

/**
 * The tag a Linux wheel may carry, given what its binary needs (PEP 600: `manylinux_2_X` promises
 * the binary runs on glibc 2.X and later). Without a setting it is derived: the highest `GLIBC_`
 * version the binary needs, never below 2.17; musl binaries get `musllinux_1_2`. With a setting, a
 * binary that needs a newer glibc than promised is refused: pip would install it where it cannot run.
 * A file that is not ELF (a stand-in script) keeps the declared tag.
 */
export function linuxWheelTag(target: TargetId, needs: ElfLibcNeeds, manylinux: number | undefined): string {
  const declared = declaredWheelTag(target, manylinux);
  if (needs.kind === 'not-elf') return declared;
  const arch = archOf(target);
  if (needs.machine !== arch) {
    throw new Error(`the ${target} archive holds a binary for ${needs.machine}, not ${arch}: it would be published in the ${arch} wheel`);
  }
  const [, needMinor] = needs.glibc ?? [2, 0];
  if (needs.libc === 'musl') {
    if (needs.glibc) throw new Error(`the ${target} binary uses musl's loader but needs GLIBC_2.${needMinor}: it cannot run anywhere`);
    return `musllinux_1_2_${arch}`;
  }
  if (targetInfo(target).libc === 'musl') {
    // A musl target whose binary needs glibc: a musllinux tag would be a false promise.
    if (needs.glibc) throw new Error(`the ${target} binary needs GLIBC_2.${needMinor} (it was linked against glibc, not musl), so it cannot be a musllinux wheel`);
    return declared;
  }
  if (manylinux !== undefined) {
    if (needMinor > manylinux) {
      throw ConfigurationError.forInput(
        SETTING,
        `the ${target} binary needs GLIBC_2.${needMinor}, newer than manylinux_2_${manylinux} promises (pip would install it on systems where it cannot run); build it against glibc 2.${manylinux} or older, or set ${SETTING}: manylinux_2_${needMinor}`,
      );
    }
    return declared;
  }
  return `manylinux_2_${Math.max(needMinor, GLIBC_FLOOR)}_${arch}`;
}
