// Replaced at bundle time would couple the build to package.json; the CLI version moves with the
// root package.json and a test checks they agree.
export const CLI_VERSION = '0.1.0';
