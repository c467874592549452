import { describe, expect, test } from 'vitest';
import { packageVersionState } from './version-state.js';

const ours = 'sha512-AAAA';

describe('packageVersionState', () => {
  test.each([
    ['no packument (404)', undefined, { state: 'absent' }],
    ['other versions only', { versions: { '0.9.0': {} }, time: { '0.9.0': 't' } }, { state: 'absent' }],
    ['time without versions: unpublished, never again', { versions: {}, time: { '1.0.0': '2024-01-01T00:00:00Z' } }, { state: 'burned' }],
    ['same integrity', { versions: { '1.0.0': { dist: { integrity: ours } } } }, { state: 'identical', integrity: ours }],
    ['one of several integrities', { versions: { '1.0.0': { dist: { integrity: `sha1-x ${ours}` } } } }, { state: 'identical', integrity: ours }],
    [
      'other integrity: the caller compares contents',
      { versions: { '1.0.0': { dist: { integrity: 'sha512-BBBB', tarball: 'http://r/x.tgz' } } } },
      { state: 'integrity-differs', integrity: 'sha512-BBBB', tarball: 'http://r/x.tgz' },
    ],
  ] as const)('%s', (_name, packument, want) => {
    expect(packageVersionState(packument, '1.0.0', ours)).toEqual(want);
  });
});
