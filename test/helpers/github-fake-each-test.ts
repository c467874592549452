// The GitHub fake most tests of a file share the same way: a fresh one for each test, so no test
// sees another's releases, and a test fails when the fake saw a request the real API would refuse.
import { afterEach, beforeEach, expect } from 'vitest';
import { startGitHubFake, type GitHubFake, type GitHubFakeOptions } from '../fakes/github/index.js';

/**
 * Registers, in the calling file, a fake started before each test (handed to `use`) and, after
 * it, the check that it saw no protocol violation, then its close (closed even when the check fails).
 */
export function githubFakeEachTest(options: GitHubFakeOptions, use: (fake: GitHubFake) => void): void {
  let current: GitHubFake | undefined;
  beforeEach(async () => {
    current = await startGitHubFake(options);
    use(current);
  });
  afterEach(async () => {
    const fake = current;
    current = undefined;
    if (!fake) return;
    try {
      expect(fake.violations()).toEqual([]);
    } finally {
      await fake.close();
    }
  });
}
