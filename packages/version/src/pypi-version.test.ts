import { describe, expect, test } from 'vitest';
import { toPypiVersion } from './pypi-version.js';

// The version pattern from the PEP 440 / packaging specification (Appendix B), used as an
// independent check that every spelling we produce is a valid PEP 440 version.
const PEP440 = new RegExp(
  String.raw`^\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)` +
    String.raw`(?<pre>[-_\.]?(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))[-_\.]?(?<pre_n>[0-9]+)?)?` +
    String.raw`(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_\.]?(?<post_l>post|rev|r)[-_\.]?(?<post_n2>[0-9]+)?))?` +
    String.raw`(?<dev>[-_\.]?(?<dev_l>dev)[-_\.]?(?<dev_n>[0-9]+)?)?)` +
    String.raw`(?:\+(?<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?\s*$`,
  'i',
);
// Canonical (normalized) form: what PyPI displays and what `packaging` prints back.
const CANONICAL = /^\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?$/;

const mapped: [string, string][] = [
  ['1.2.3', '1.2.3'],
  ['0.0.1', '0.0.1'],
  ['1.2.3-rc.1', '1.2.3rc1'],
  ['1.2.3-rc1', '1.2.3rc1'],
  ['1.2.3-rc-1', '1.2.3rc1'],
  ['1.2.3-RC.1', '1.2.3rc1'],
  ['1.2.3-rc', '1.2.3rc0'],
  ['1.2.3-rc01', '1.2.3rc1'],
  ['1.2.3-c.2', '1.2.3rc2'],
  ['1.2.3-alpha.2', '1.2.3a2'],
  ['1.2.3-a.2', '1.2.3a2'],
  ['1.2.3-alpha', '1.2.3a0'],
  ['1.2.3-beta.3', '1.2.3b3'],
  ['1.2.3-b.3', '1.2.3b3'],
  ['1.2.3-beta', '1.2.3b0'],
  ['1.2.3-pre.1', '1.2.3rc1'],
  ['1.2.3-preview.1', '1.2.3rc1'],
  ['1.2.3-preview', '1.2.3rc0'],
  ['1.2.3-dev.4', '1.2.3.dev4'],
  ['1.2.3-dev', '1.2.3.dev0'],
  ['1.2.3+build.5', '1.2.3'],
  ['2.0.0-rc.1+sha.abc', '2.0.0rc1'],
  ['1.2.3-rc.123456789012345678901234567890', '1.2.3rc123456789012345678901234567890'],
];

const unmapped = ['1.2.3-foo.1', '1.2.3-rc.1.2', '1.2.3-alpha.beta', '1.2.3-0', '1.2.3-1.rc', '1.2.3-rc.1-dev', 'not a version'];

describe('toPypiVersion', () => {
  test.each(mapped)('%s → %s', (semver, pep440) => {
    expect(toPypiVersion(semver)).toBe(pep440);
  });

  test.each(mapped)('%s: the output is valid, canonical PEP 440', (semver) => {
    const out = toPypiVersion(semver)!;
    expect(out).toMatch(PEP440);
    expect(out).toMatch(CANONICAL);
  });

  test.each(unmapped)('%s has no PEP 440 equivalent → undefined', (semver) => {
    expect(toPypiVersion(semver)).toBeUndefined();
  });

  test('the spec regex is wired right (rejects what PEP 440 rejects)', () => {
    expect('1.2.3-foo.1').not.toMatch(PEP440);
    expect('1.2.3rc1').toMatch(PEP440);
  });
});
