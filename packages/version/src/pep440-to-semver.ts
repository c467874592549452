/**
 * A PEP 440 version (pyproject.toml's `[project] version`) in the forms a release can carry, or why
 * it cannot be released. The mapping is the inverse of toPypiVersion, so that a tag and a
 * pyproject.toml that agree always give the same PyPI version:
 *
 * | PEP 440 (any spelling PEP 440 normalizes) | semver (tag)   | PyPI (normalized) |
 * |---|---|---|
 * | `1.2.3`                                   | `1.2.3`        | `1.2.3`           |
 * | `1.2.3a1`, `1.2.3-alpha.1`                | `1.2.3-alpha.1`| `1.2.3a1`         |
 * | `1.2.3b2`, `1.2.3beta2`                   | `1.2.3-beta.2` | `1.2.3b2`         |
 * | `1.2.3rc1`, `1.2.3c1`, `1.2.3-rc.1`       | `1.2.3-rc.1`   | `1.2.3rc1`        |
 * | `1.2.3.dev4`, `1.2.3-dev4`                | `1.2.3-dev.4`  | `1.2.3.dev4`      |
 *
 * Refused, with the reason: post-releases (`1.2.3.post1`: semver, npm and crates.io have no
 * "after 1.2.3 but still 1.2.3", and `-post.1` would sort *before* 1.2.3), local versions
 * (`+local`: PyPI refuses them), epochs (`1!2.0.0`), a prerelease of a dev release
 * (`1.2.3rc1.dev2`), and release numbers other than exactly three (`1.2`, `1.2.3.4`).
 */
export type Pep440Mapping = { semver: string; pypi: string } | { refused: string };

// PEP 440's own grammar (Appendix B), narrowed to what can be mapped and told apart: epoch,
// release, pre, post, dev, local. Case-insensitive; `v` prefix and separators as PEP 440 allows.
const PEP440 =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\d*))?((?:-\d+)|(?:[-_.]?(?:post|rev|r)[-_.]?\d*))?(?:[-_.]?dev[-_.]?(\d*))?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;

const PRE: Record<string, { semver: string; pypi: string }> = {
  a: { semver: 'alpha', pypi: 'a' },
  alpha: { semver: 'alpha', pypi: 'a' },
  b: { semver: 'beta', pypi: 'b' },
  beta: { semver: 'beta', pypi: 'b' },
  c: { semver: 'rc', pypi: 'rc' },
  rc: { semver: 'rc', pypi: 'rc' },
  pre: { semver: 'rc', pypi: 'rc' },
  preview: { semver: 'rc', pypi: 'rc' },
};

/** PEP 440 numbers are integers: `01` is `1` (and semver forbids the leading zero). */
const integer = (digits: string | undefined): string => String(Number.parseInt(digits === undefined || digits === '' ? '0' : digits, 10));

export function pep440ToSemver(raw: string): Pep440Mapping {
  const match = PEP440.exec(raw.trim());
  if (!match) return { refused: 'not a PEP 440 version; expected a version like 1.2.3, 1.2.3rc1 or 1.2.3.dev4' };
  const [, epoch, release = '', preLabel, preNumber, post, dev, local] = match;
  if (epoch !== undefined) return { refused: 'a version with an epoch ("N!") has no semver form; drop the epoch' };
  if (local !== undefined) return { refused: 'a local version ("+…") cannot be released: PyPI refuses local versions' };
  if (post !== undefined) {
    return {
      refused:
        'a post-release has no semver form (a tag like -post.1 sorts before the release, and npm or ' +
        'crates.io cannot publish the same version twice); release the next patch version instead',
    };
  }
  const numbers = release.split('.');
  if (numbers.length !== 3) return { refused: 'expected exactly three release numbers, like 1.2.0' };
  const base = numbers.map((n) => integer(n)).join('.');
  if (preLabel !== undefined && dev !== undefined) {
    return { refused: 'a prerelease of a dev release (like 1.2.3rc1.dev2) has no semver form; use 1.2.3rc1 or 1.2.3.dev2' };
  }
  if (preLabel !== undefined) {
    const label = PRE[preLabel.toLowerCase()];
    if (label === undefined) return { refused: `unknown prerelease label "${preLabel}"` };
    const n = integer(preNumber);
    return { semver: `${base}-${label.semver}.${n}`, pypi: `${base}${label.pypi}${n}` };
  }
  if (dev !== undefined) {
    const n = integer(dev);
    return { semver: `${base}-dev.${n}`, pypi: `${base}.dev${n}` };
  }
  return { semver: base, pypi: base };
}
