import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SHA256SUMS_GPG_NAME, SHA256SUMS_NAME, SHA256SUMS_SIGSTORE_NAME, type GitHubClient, type RemoteAsset } from '@deployforge/github';
import { verifySumsSignature, type GpgCheck } from './verify-gpg.js';
import { verifySumsSigstore, type ToolCheck } from './verify-sigstore.js';
import { downloadUnlistedFile } from './verify-release-file.js';
import type { ToolEnv } from './verify-tool.js';

/** The checks of SHA256SUMS itself; each is present only when the release carries that signature. */
export interface SignatureChecks {
  gpg?: GpgCheck;
  sigstore?: ToolCheck;
  /** Why SHA256SUMS must not be trusted (a bad signature); then no asset is checked against it. */
  rejected?: string;
}

export interface SignatureCheckOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  /** Every uploaded asset of the release. */
  remote: readonly RemoteAsset[];
  sumsText: string;
  gpgKey?: string;
  work: string;
  env: ToolEnv;
}

/**
 * Verify SHA256SUMS before anything is checked against it: every later "OK" rests on it. A bad
 * signature rejects it; a signature nobody here can check (no key, no gpg, no cosign) is reported
 * with the way to check it, and is not a failure, because the release is as good as unsigned.
 */
export async function checkSumsSignatures(options: SignatureCheckOptions): Promise<SignatureChecks> {
  const gpgAsset = options.remote.find((a) => a.name === SHA256SUMS_GPG_NAME);
  const sigstoreAsset = options.remote.find((a) => a.name === SHA256SUMS_SIGSTORE_NAME);
  const checks: SignatureChecks = {};
  // Asked to check against a key, a release without the signature must not pass as if signed:
  // deleting SHA256SUMS.asc is the cheapest attack on it.
  if (options.gpgKey && !gpgAsset) checks.rejected = `--gpg-key was given but the release has no ${SHA256SUMS_GPG_NAME}: its ${SHA256SUMS_NAME} is not signed`;
  if (!gpgAsset && !sigstoreAsset) return checks;
  const { owner, repo } = options;
  // gpg and cosign read no GitHub API: they do not get the token (gh, which does, gets it elsewhere).
  const env = Object.fromEntries(Object.entries(options.env).filter(([key]) => key !== 'GITHUB_TOKEN' && key !== 'GH_TOKEN'));
  const sums = join(options.work, SHA256SUMS_NAME);
  await writeFile(sums, options.sumsText);

  if (gpgAsset) {
    const signature = join(options.work, SHA256SUMS_GPG_NAME);
    await downloadUnlistedFile(options.client, owner, repo, gpgAsset, signature);
    checks.gpg = await verifySumsSignature({ sums, signature, work: options.work, env, ...(options.gpgKey ? { gpgKey: options.gpgKey } : {}) });
    if (checks.gpg.state === 'bad') checks.rejected = `${SHA256SUMS_GPG_NAME}: ${checks.gpg.detail}`;
  }
  if (sigstoreAsset) {
    const bundle = join(options.work, SHA256SUMS_SIGSTORE_NAME);
    await downloadUnlistedFile(options.client, owner, repo, sigstoreAsset, bundle);
    checks.sigstore = await verifySumsSigstore({ repository: `${owner}/${repo}`, bundle, sums, env });
    if (checks.sigstore.exitCode !== undefined && checks.sigstore.exitCode !== 0 && !checks.rejected) {
      checks.rejected = `${SHA256SUMS_SIGSTORE_NAME}: cosign verify-blob failed (exit ${checks.sigstore.exitCode})`;
    }
  }
  return checks;
}
