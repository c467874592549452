import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { packageVersions } from './package-version.js';

describe('package versions', () => {
  it.each([
    ['1.2.3', '1.2.3-1', '1.2.3', '1.2.3-r0'],
    ['1.0.0-rc.1', '1.0.0~rc.1-1', '1.0.0~rc.1', '1.0.0_rc1-r0'],
    ['2.0.0-beta', '2.0.0~beta-1', '2.0.0~beta', '2.0.0_beta-r0'],
    ['2.0.0-alpha.3+build.7', '2.0.0~alpha.3-1', '2.0.0~alpha.3', '2.0.0_alpha3-r0'],
  ])('%s → deb %s, rpm %s, apk %s', (semver, deb, rpm, apk) => {
    const v = packageVersions(semver);
    expect(v.deb).toBe(deb);
    expect(v.rpm.version).toBe(rpm);
    expect(v.apk).toBe(apk);
  });

  it('a prerelease label apk does not know has no apk form', () => {
    expect(packageVersions('1.0.0-foo.1').apk).toBeUndefined();
    expect(packageVersions('1.0.0-foo.1').deb).toBe('1.0.0~foo.1-1');
  });

  // dpkg itself decides: every prerelease sorts before its final version and after the previous one.
  it.each(['1.0.0-rc.1', '1.0.0-alpha', '1.0.0-beta.2', '1.0.0-x-y'])('dpkg --compare-versions: %s < 1.0.0 > 0.9.9', (pre) => {
    const cmp = (a: string, op: string, b: string) => {
      try {
        execFileSync('dpkg', ['--compare-versions', a, op, b]);
        return true;
      } catch {
        return false;
      }
    };
    expect(cmp(packageVersions(pre).deb, 'lt', packageVersions('1.0.0').deb)).toBe(true);
    expect(cmp(packageVersions(pre).deb, 'gt', packageVersions('0.9.9').deb)).toBe(true);
  });
});
