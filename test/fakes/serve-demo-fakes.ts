// The fakes the demo needs where no real server can run here (GitHub, PyPI upload, a crates
// registry, a NuGet feed, the VS Code Marketplace and Open VSX), in one process. Prints one JSON line with their URLs, serves until
// SIGTERM/SIGINT, and exits non-zero if the GitHub fake saw an OpenAPI violation. Test-only code.
import { startCratesFake } from './crates/index.js';
import { startGitHubFake } from './github/index.js';
import { startNuGetFake } from './nuget/index.js';
import { startPypiFake } from './pypi/index.js';
import { startExtensionStoreFake } from './vscode/index.js';

const token = process.env.DEPLOYFORGE_FAKE_TOKEN ?? 'demo-token';
const repos = (process.env.DEPLOYFORGE_FAKE_GITHUB_REPOS ?? '').split(',').filter(Boolean);
const github = await startGitHubFake({ token: process.env.DEPLOYFORGE_FAKE_GITHUB_TOKEN ?? token, ...(repos.length > 0 ? { repos } : {}) });
const pypi = await startPypiFake({ token });
const crates = await startCratesFake({ token });
const nuget = await startNuGetFake({ apiKey: token });
const stores = await startExtensionStoreFake({ marketplacePat: token, openVsxToken: token });
process.stdout.write(`${JSON.stringify({ github: github.url, pypiUpload: pypi.uploadUrl, pypiIndex: pypi.indexUrl, cratesIndex: crates.indexUrl, nuget: nuget.url, vscodeMarketplace: stores.marketplaceUrl, openVsx: stores.openVsxUrl })}\n`);

const stop = async () => {
  const violations = github.violations();
  if (violations.length > 0) process.stderr.write(`GitHub fake: ${violations.length} OpenAPI violation(s):\n${violations.join('\n')}\n`);
  await Promise.all([github.close(), pypi.close(), crates.close(), nuget.close(), stores.close()]);
  process.exit(violations.length > 0 ? 1 : 0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
