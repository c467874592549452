import { describe, expect, test } from 'vitest';
import { compareWheels, describeComparison } from './compare-wheels.js';

const ours = [
  { filename: 'a-1-py3-none-x.whl', sha256: '1'.repeat(64) },
  { filename: 'a-1-py3-none-y.whl', sha256: '2'.repeat(64) },
];

describe('compareWheels', () => {
  test.each([
    ['nothing there', [], 'absent'],
    ['all there, same bytes', [{ filename: 'a-1-py3-none-x.whl', sha256: '1'.repeat(64) }, { filename: 'a-1-py3-none-y.whl', sha256: '2'.repeat(64) }], 'identical'],
    ['half there (an interrupted run)', [{ filename: 'a-1-py3-none-x.whl', sha256: '1'.repeat(64) }], 'absent'],
    ['one with other bytes', [{ filename: 'a-1-py3-none-x.whl', sha256: '9'.repeat(64) }], 'different'],
    ['extra files of others (sdist) do not matter', [...ours, { filename: 'a-1.tar.gz', sha256: '3'.repeat(64) }], 'identical'],
  ] as const)('%s → %s', (_name, theirs, state) => {
    expect(compareWheels(ours, theirs).state).toBe(state);
  });

  test('describes what it saw', () => {
    const c = compareWheels(ours, [{ filename: 'a-1-py3-none-x.whl', sha256: '9'.repeat(64) }]);
    expect(describeComparison(c)).toBe('1 wheel(s) with other sha256: a-1-py3-none-x.whl; 1 wheel(s) not uploaded yet');
  });
});
