/**
 * Versions as pacman reads them. pacman orders versions with rpmvercmp, not semver: a version that
 * continues past `1.0.0` with a separator and more (`1.0.0_rc.1`) sorts *after* `1.0.0`, so users of a
 * prerelease would never be offered the final release. Only a continuation that starts with a letter
 * sorts before it (`1.0.0rc1` < `1.0.0`), which is how Arch packagers write prereleases.
 */

const CORE = /^(\d+\.\d+\.\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/;

/**
 * The pkgver for a semver version: the prerelease follows the core with no separator, and the dot
 * between a word and the number after it goes (`1.0.0-rc.1` → `1.0.0rc1`, `2.0.0-beta.2.1` →
 * `2.0.0beta2.1`); hyphens inside identifiers become `_` (pkgver may not contain `-`, it separates
 * pkgrel). A prerelease that starts with a digit (`1.0.0-1`) has no pkgver that pacman sorts before
 * the final release, so it is refused rather than published in the wrong order.
 */
export function toPkgver(version: string): string {
  const m = CORE.exec(version);
  if (!m) {
    if (/^[A-Za-z0-9._+]+$/.test(version)) return version;
    throw new Error(`version ${version} cannot be an AUR pkgver (letters, digits, ".", "_", "+" only)`);
  }
  const [, core, pre, build] = m as unknown as [string, string, string | undefined, string | undefined];
  let pkgver = core;
  if (pre !== undefined) {
    const ids = pre.split('.');
    if (!/^[A-Za-z]/.test(ids[0] ?? '')) {
      throw new Error(
        `version ${version}: pacman sorts a prerelease that starts with a digit after ${core}, so it cannot be an AUR pkgver; ` +
          `start the prerelease with a word (${core}-rc.1, ${core}-beta.1)`,
      );
    }
    pkgver += ids.map((id, i) => (i > 0 && !(/^\d/.test(id) && /[A-Za-z]$/.test(ids[i - 1] ?? '')) ? '.' : '') + id.replace(/-/g, '_')).join('');
  }
  if (build !== undefined) pkgver += `+${build.replace(/-/g, '_')}`;
  return pkgver;
}

/**
 * The semver form of a pkgver written by {@link toPkgver}, for status reports (`1.0.0rc1` →
 * `1.0.0-rc.1`). Older releases of ours wrote `1.0.0_rc.1`; that reads back the same way.
 */
export function fromPkgver(pkgver: string): string {
  const m = /^(\d+\.\d+\.\d+)(?:[._]?([A-Za-z][0-9A-Za-z._]*))?(?:\+([0-9A-Za-z._]+))?$/.exec(pkgver);
  if (!m) return pkgver;
  const [, core, pre, build] = m as unknown as [string, string, string | undefined, string | undefined];
  const prerelease = pre === undefined ? '' : `-${pre.replace(/_/g, '.').replace(/([A-Za-z])(\d)/g, '$1.$2')}`;
  return `${core}${prerelease}${build === undefined ? '' : `+${build}`}`;
}

/**
 * pacman's `vercmp` for two pkgvers (libalpm's rpmvercmp, without epoch and pkgrel): -1, 0 or 1.
 * Used to refuse pushing a version older than the one the AUR has; the tests check it against the
 * real `vercmp`.
 */
export function comparePkgver(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  let one = a;
  let two = b;
  while (one.length > 0 && two.length > 0) {
    const sepOne = /^[^0-9A-Za-z]*/.exec(one)![0].length;
    const sepTwo = /^[^0-9A-Za-z]*/.exec(two)![0].length;
    one = one.slice(sepOne);
    two = two.slice(sepTwo);
    if (one.length === 0 || two.length === 0) break;
    // Separators of different lengths decide on their own (rpmvercmp: the longer one is newer).
    if (sepOne !== sepTwo) return sepOne < sepTwo ? -1 : 1;
    const numeric = /\d/.test(one[0]!);
    const run = numeric ? /^\d+/ : /^[A-Za-z]+/;
    const segOne = run.exec(one)![0];
    const segTwo = run.exec(two)?.[0] ?? '';
    // A numeric segment is newer than an alphabetic one.
    if (segTwo === '') return numeric ? 1 : -1;
    if (numeric) {
      const x = segOne.replace(/^0+/, '');
      const y = segTwo.replace(/^0+/, '');
      if (x.length !== y.length) return x.length < y.length ? -1 : 1;
      if (x !== y) return x < y ? -1 : 1;
    } else if (segOne !== segTwo) {
      return segOne < segTwo ? -1 : 1;
    }
    one = one.slice(segOne.length);
    two = two.slice(segTwo.length);
  }
  if (one.length === 0 && two.length === 0) return 0;
  // Whatever is left decides: a trailing word is older than nothing (1.0.0rc1 < 1.0.0), anything else newer.
  if ((one.length === 0 && !/^[A-Za-z]/.test(two)) || /^[A-Za-z]/.test(one)) return -1;
  return 1;
}
