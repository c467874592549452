// A plain @octokit/rest client aimed at a fake, quiet (Octokit logs every 4xx), with no retries so that
// fault tests see exactly what the fake answered.

import { Octokit } from '@octokit/rest';
import type { GitHubFake } from './index.js';

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function octokitFor(fake: GitHubFake, token = 'test-token'): Octokit {
  return new Octokit({ auth: token, baseUrl: fake.url, log: silent });
}
