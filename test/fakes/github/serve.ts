// Run the GitHub fake as a standalone process for the demo (`npm run demo`): prints its URL on the
// first line of stdout and serves until SIGTERM/SIGINT. Test-only code: never bundled into dist/.
import { startGitHubFake } from './index.js';

const token = process.env.DEPLOYFORGE_FAKE_GITHUB_TOKEN;
const repos = (process.env.DEPLOYFORGE_FAKE_GITHUB_REPOS ?? '').split(',').filter(Boolean);
const fake = await startGitHubFake({
  ...(token ? { token } : {}),
  ...(repos.length > 0 ? { repos } : {}),
  ...(process.env.DEPLOYFORGE_FAKE_GITHUB_DATA ? { dataDir: process.env.DEPLOYFORGE_FAKE_GITHUB_DATA } : {}),
});
process.stdout.write(`${fake.url}\n`);
const stop = async () => {
  const violations = fake.violations();
  if (violations.length > 0) process.stderr.write(`GitHub fake: ${violations.length} OpenAPI violation(s):\n${violations.join('\n')}\n`);
  await fake.close();
  process.exit(violations.length > 0 ? 1 : 0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
