import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { loadConfig } from '@deployforge/config';
import { ConfigurationError, type Logger } from '@deployforge/diagnostics';
import {
  AssetDownloadError, downloadVerifiedAsset, isSignatureFile, listReleaseAssets, listReleases, loadGitHubClient, parseSha256Sums,
  sha256File, sha256FromDigest, SHA256SUMS_NAME, SHA256SUMS_SIGSTORE_NAME, type GitHubClient, type RemoteAsset,
} from '@deployforge/github';
import { readReleaseSums, resolveRepository } from '@deployforge/hub';
import { configFileFor, type InputSource } from '@deployforge/inputs';
import { parseVersionInput } from '@deployforge/version';
import { checkAttestations } from './verify-attestations.js';
import { readPublicKeyFile } from './verify-gpg.js';
import { downloadUnlistedFile } from './verify-release-file.js';
import { checkSumsSignatures, type SignatureChecks } from './verify-signatures.js';
import type { ToolCheck } from './verify-sigstore.js';

export interface VerifiedAsset {
  name: string;
  /** From SHA256SUMS; undefined when the file is not listed there. */
  expected?: string;
  /** What the bytes hash to; undefined when they could not be read. */
  actual?: string;
  ok: boolean;
  detail: string;
}

/** `gh attestation verify` of one file: the command, and its verdict when gh was run. */
export type AttestationCheck = ToolCheck;

export type VerifyResult =
  | { kind: 'no-release'; tag: string; repository: string }
  | {
      kind: 'checked';
      tag: string;
      repository: string;
      /** Empty when `signatures.rejected`: nothing is checked against an untrusted SHA256SUMS. */
      assets: VerifiedAsset[];
      /** The checks of SHA256SUMS itself (GPG, Sigstore), made before any asset is. */
      signatures: SignatureChecks;
      /**
   * The release carries a provenance bundle (`<name>-<version>.sigstore.json`; not the Sigstore
   * signature of SHA256SUMS), so attestations must verify.
   */
      attested: boolean;
      attestations: AttestationCheck[];
      /** SHA256SUMS was not rejected, every asset matched, and no attestation check that ran failed. */
      ok: boolean;
    };

export interface VerifyOptions {
  configPath: string;
  version: string;
  /** A local file to check; default: download and check every file SHA256SUMS lists. */
  asset?: string;
  /** An armored OpenPGP public key: the only key SHA256SUMS.asc may be signed with. */
  gpgKey?: string;
  io: InputSource;
  log: Logger;
  /** For tests: a client with short retry settings. */
  client?: GitHubClient;
}

/** The two digests out of downloadVerifiedAsset's mismatch message, to name them per asset. */
function digestsOf(message: string): { expected?: string; actual?: string } {
  const match = /expected ([0-9a-f]{64}).*got ([0-9a-f]{64})/.exec(message);
  return match ? { expected: match[1]!, actual: match[2]! } : {};
}

type CheckedAsset = VerifiedAsset & { path?: string };

/**
 * A local SHA256SUMS or signature file (--asset): not listed in SHA256SUMS by design, so it is
 * compared with the release's own copy instead of being called "not listed".
 */
async function checkUnlistedLocal(
  path: string, name: string, ctx: { client: GitHubClient; owner: string; repo: string; remote: readonly RemoteAsset[]; sumsText: string; work: string; tag: string },
): Promise<CheckedAsset> {
  const actual = await sha256File(path);
  let expected: string;
  if (name === SHA256SUMS_NAME) {
    expected = createHash('sha256').update(ctx.sumsText).digest('hex');
  } else {
    const asset = ctx.remote.find((a) => a.name === name);
    if (!asset) return { name, actual, ok: false, detail: `${name} is not on release ${ctx.tag}` };
    expected = await downloadUnlistedFile(ctx.client, ctx.owner, ctx.repo, asset, join(ctx.work, `release-${name}`));
  }
  return expected === actual
    ? { name, expected, actual, ok: true, detail: `identical to the release's ${name}` }
    : { name, expected, actual, ok: false, detail: `${name}: differs from the release's copy: ${ctx.tag} has sha256 ${expected}, the file is ${actual}` };
}

/**
 * `deployforge verify`: check files against the SHA256SUMS of a *published* release (a draft is
 * not a release anyone was told to trust). SHA256SUMS itself is checked first against its
 * signatures when the release carries them. With `asset`, one local file; without, every listed
 * file is downloaded through `downloadVerifiedAsset`, the same streamed check every spoke relies
 * on. Then `gh attestation verify` per checked file, run when `gh` is on PATH.
 */
export async function runVerify(options: VerifyOptions): Promise<VerifyResult> {
  const loaded = await loadConfig(configFileFor(options.configPath, options.io.cwd));
  const version = parseVersionInput(options.version, { tagPrefix: loaded.config.version?.['tag-prefix'] ?? 'v', origin: 'version' });
  const gpgKey = options.gpgKey ? resolve(options.io.cwd, options.gpgKey) : undefined;
  // Bad input is exit 2 before any request.
  if (gpgKey) await readPublicKeyFile(gpgKey);
  const { owner, repo } = resolveRepository(loaded, options.io.env);
  const repository = `${owner}/${repo}`;
  const token = options.io.env.GITHUB_TOKEN || options.io.env.GH_TOKEN;
  if (!options.client && !token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token that can read the releases of ${repository}`);
  const client = options.client ?? await loadGitHubClient({
    token: token!, log: options.log, ...(options.io.env.GITHUB_API_URL ? { baseUrl: options.io.env.GITHUB_API_URL } : {}),
  });

  const release = (await listReleases(client, owner, repo)).find((r) => r.tag_name === version.tag && !r.draft);
  if (!release) return { kind: 'no-release', tag: version.tag, repository };
  const remote = (await listReleaseAssets(client, owner, repo, release.id)).filter((a) => a.state === 'uploaded');
  const sumsAsset = remote.find((a) => a.name === SHA256SUMS_NAME);
  if (!sumsAsset) throw new Error(`release ${version.tag} of ${repository} has no ${SHA256SUMS_NAME}: nothing to verify against`);
  const sumsText = await readReleaseSums(client, owner, repo, sumsAsset);
  const sums = new Map(parseSha256Sums(sumsText).map((e) => [e.name, e.sha256]));
  const attested = remote.some((a) => a.name.endsWith('.sigstore.json') && a.name !== SHA256SUMS_SIGSTORE_NAME);

  const work = await mkdtemp(join(tmpdir(), 'deployforge-verify-'));
  try {
    const signatures = await checkSumsSignatures({
      client, owner, repo, remote, sumsText, work, env: options.io.env, ...(gpgKey ? { gpgKey } : {}),
    });
    if (signatures.rejected) {
      return { kind: 'checked', tag: version.tag, repository, assets: [], signatures, attested, attestations: [], ok: false };
    }

    const checked: CheckedAsset[] = [];
    if (options.asset) {
      const path = resolve(options.io.cwd, options.asset);
      const name = basename(path);
      const expected = sums.get(name);
      const actual = await sha256File(path).catch((error: Error) => {
        throw new ConfigurationError(`--asset: cannot read ${options.asset}: ${error.message}`);
      });
      if (expected === undefined && (name === SHA256SUMS_NAME || isSignatureFile(name))) {
        checked.push(await checkUnlistedLocal(path, name, { client, owner, repo, remote, sumsText, work, tag: version.tag }));
      } else {
        checked.push(
          expected === undefined
            ? { name, actual, ok: false, detail: `${name} is not listed in ${SHA256SUMS_NAME} of ${version.tag}` }
            : expected === actual
              ? { name, expected, actual, ok: true, detail: 'sha256 matches SHA256SUMS', path }
              : { name, expected, actual, ok: false, detail: `${name}: sha256 mismatch: SHA256SUMS of ${version.tag} says ${expected}, the file is ${actual}` },
        );
      }
    } else {
      for (const [name, expected] of [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const asset = remote.find((a) => a.name === name);
        if (!asset) {
          checked.push({ name, expected, ok: false, detail: `${name} is listed in ${SHA256SUMS_NAME} but not on the release` });
          continue;
        }
        try {
          const path = await downloadVerifiedAsset({
            url: `${client.baseUrl}/repos/${owner}/${repo}/releases/assets/${asset.id}`,
            destination: join(work, name),
            sha256: expected,
            token: client.token(),
            accept: 'application/octet-stream',
          });
          checked.push({ name, expected, actual: expected, ok: true, detail: 'sha256 matches SHA256SUMS', path });
        } catch (error) {
          if (!(error instanceof AssetDownloadError)) throw error;
          const digests = digestsOf(error.message);
          checked.push({
            name, expected, ...(digests.actual ? { actual: digests.actual } : {}), ok: false,
            detail: digests.actual
              ? `${name}: sha256 mismatch: SHA256SUMS of ${version.tag} says ${expected}, the download is ${digests.actual}`
              : `${name}: ${error.message}`,
          });
        }
      }
    }
    // The checksum file itself, against GitHub's own record of it, where GitHub reports one.
    const sumsDigest = sha256FromDigest(sumsAsset.digest);
    if (sumsDigest) {
      const actual = createHash('sha256').update(sumsText).digest('hex');
      if (actual !== sumsDigest) {
        checked.unshift({ name: SHA256SUMS_NAME, expected: sumsDigest, actual, ok: false, detail: `${SHA256SUMS_NAME}: GitHub reports sha256 ${sumsDigest}, the download is ${actual}` });
      }
    }

    const attestations = await checkAttestations(checked, { repository, shownByPath: Boolean(options.asset), env: options.io.env });
    const attestationFailed = attested && attestations.some((a) => a.exitCode !== undefined && a.exitCode !== 0);
    return {
      kind: 'checked', tag: version.tag, repository,
      assets: checked.map(({ path: _path, ...rest }) => rest),
      signatures, attested, attestations,
      ok: checked.length > 0 && checked.every((a) => a.ok) && !attestationFailed,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
