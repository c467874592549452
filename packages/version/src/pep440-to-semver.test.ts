import { describe, expect, test } from 'vitest';
import { pep440ToSemver } from './pep440-to-semver.js';
import { toPypiVersion } from './pypi-version.js';

describe('pep440ToSemver', () => {
  test.each([
    ['1.2.3', '1.2.3', '1.2.3'],
    ['1.2.3rc1', '1.2.3-rc.1', '1.2.3rc1'],
    ['1.2.3-rc.1', '1.2.3-rc.1', '1.2.3rc1'],
    ['1.2.3c2', '1.2.3-rc.2', '1.2.3rc2'],
    ['1.2.3a1', '1.2.3-alpha.1', '1.2.3a1'],
    ['1.2.3.alpha', '1.2.3-alpha.0', '1.2.3a0'],
    ['1.2.3b2', '1.2.3-beta.2', '1.2.3b2'],
    ['1.2.3BETA2', '1.2.3-beta.2', '1.2.3b2'],
    ['1.2.3.dev4', '1.2.3-dev.4', '1.2.3.dev4'],
    ['1.2.3-dev4', '1.2.3-dev.4', '1.2.3.dev4'],
    ['1.2.3.dev', '1.2.3-dev.0', '1.2.3.dev0'],
    ['01.02.03', '1.2.3', '1.2.3'],
    ['v2.0.0', '2.0.0', '2.0.0'],
  ])('%s → semver %s, PyPI %s', (raw, semver, pypi) => {
    expect(pep440ToSemver(raw)).toEqual({ semver, pypi });
    // The inverse of toPypiVersion: a tag of that semver publishes the same PyPI version.
    expect(toPypiVersion(semver)).toBe(pypi);
  });

  test.each([
    ['1.2.3.post1', 'post-release has no semver form'],
    ['1.2.3-1', 'post-release'],
    ['1.2.3+local.7', 'PyPI refuses local versions'],
    ['1!1.2.3', 'epoch'],
    ['1.2.3rc1.dev2', 'a prerelease of a dev release'],
    ['1.2', 'exactly three release numbers'],
    ['1.2.3.4', 'exactly three release numbers'],
    ['1.2.3-foo', 'not a PEP 440 version'],
    ['latest', 'not a PEP 440 version'],
  ])('%s is refused (%s)', (raw, reason) => {
    const mapped = pep440ToSemver(raw);
    expect(mapped).toHaveProperty('refused');
    expect((mapped as { refused: string }).refused).toContain(reason);
  });
});
