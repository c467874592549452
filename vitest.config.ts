import { defineConfig } from 'vitest/config';

// One runner for everything: vitest transforms TypeScript and handles ESM-only dependencies
// (@actions/core 3.x, @octokit/*) natively, which jest can only do behind experimental flags.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration tests start real servers and child processes; two cores, so keep forks modest.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
