/**
 * The DeployForge release this library is: a generated workflow uses the actions of the release
 * that generated it, so their inputs and outputs are the ones it was written against. A constant,
 * not a read of package.json: the bundles in dist/ run without the package beside them.
 * deployforge-release.test.ts keeps it equal to package.json.
 */
export const DEPLOYFORGE_RELEASE = 'v0.1.0';
