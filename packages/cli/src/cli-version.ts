// A constant rather than a read of package.json at run time: the bundle in dist/ runs without the
// package beside it (actions check out only the repository). cli-version.test.ts keeps the two equal.
export const CLI_VERSION = '0.1.0';
