import { describe, expect, test } from 'vitest';
import { configWarnings } from './config-warnings.js';
import { parseConfig } from './parse-config.js';

const warningsOf = (status: string) => configWarnings(parseConfig(`project: { name: demo }\nstatus:\n${status}`, 'deployforge.yml'));

describe('configWarnings', () => {
  test('status.pages and status.branch both set: one warning at pages, naming the branch that is used', () => {
    const found = warningsOf('  branch: gh-pages\n  pages: true\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'deployforge.yml', line: 4, column: 10, path: 'status.pages' });
    expect(found[0]?.message).toContain('status.branch is set too');
    expect(found[0]?.message).toContain('published to the branch "gh-pages" only');
  });

  test.each([
    ['pages alone', '  pages: true\n'],
    ['branch alone', '  branch: gh-pages\n'],
    ['branch with pages: false', '  pages: false\n  branch: gh-pages\n'],
  ])('%s: no warning', (_what, status) => {
    expect(warningsOf(status)).toEqual([]);
  });
});
