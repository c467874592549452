import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { loadConfig } from '@deployforge/config';
import { ConfigurationError, type Logger } from '@deployforge/diagnostics';
import {
  AssetDownloadError, createGitHubClient, downloadVerifiedAsset, listReleaseAssets, listReleases, parseSha256Sums,
  sha256File, sha256FromDigest, SHA256SUMS_NAME, type GitHubClient,
} from '@deployforge/github';
import { readReleaseSums, resolveRepository } from '@deployforge/hub';
import type { InputSource } from '@deployforge/inputs';
import { parseVersionInput } from '@deployforge/version';

export interface VerifiedAsset {
  name: string;
  /** From SHA256SUMS; undefined when the file is not listed there. */
  expected?: string;
  /** What the bytes hash to; undefined when they could not be read. */
  actual?: string;
  ok: boolean;
  detail: string;
}

export interface AttestationCheck {
  /** The command that verifies the provenance of `file`, to run by hand or as run here. */
  command: string[];
  /** `gh` exit code when it was found on PATH and run; undefined when it was not run. */
  exitCode?: number;
  output?: string;
}

export type VerifyResult =
  | { kind: 'no-release'; tag: string; repository: string }
  | {
      kind: 'checked';
      tag: string;
      repository: string;
      assets: VerifiedAsset[];
      /** The release carries a provenance bundle (`*.sigstore.json`), so attestations must verify. */
      attested: boolean;
      attestations: AttestationCheck[];
      /** Every asset matched and no attestation check that ran failed. */
      ok: boolean;
    };

export interface VerifyOptions {
  configPath: string;
  version: string;
  /** A local file to check; default: download and check every file SHA256SUMS lists. */
  asset?: string;
  io: InputSource;
  log: Logger;
  /** For tests: a client with short retry settings. */
  client?: GitHubClient;
}

async function onPath(command: string, env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function run(file: string, args: string[], env: Readonly<Record<string, string | undefined>>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { env: env as NodeJS.ProcessEnv, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}`.trim() });
    });
  });
}

/** The two digests out of downloadVerifiedAsset's mismatch message, to name them per asset. */
function digestsOf(message: string): { expected?: string; actual?: string } {
  const match = /expected ([0-9a-f]{64}).*got ([0-9a-f]{64})/.exec(message);
  return match ? { expected: match[1]!, actual: match[2]! } : {};
}

/**
 * `deployforge verify`: check files against the SHA256SUMS of a *published* release (a draft is
 * not a release anyone was told to trust). With `asset`, one local file; without, every listed
 * file is downloaded through `downloadVerifiedAsset`, the same streamed check every spoke relies
 * on. Then `gh attestation verify` per checked file, run when `gh` is on PATH.
 */
export async function runVerify(options: VerifyOptions): Promise<VerifyResult> {
  const loaded = await loadConfig(options.configPath);
  const version = parseVersionInput(options.version, { tagPrefix: loaded.config.version?.['tag-prefix'] ?? 'v', origin: 'version' });
  const { owner, repo } = resolveRepository(loaded, options.io.env);
  const repository = `${owner}/${repo}`;
  const token = options.io.env.GITHUB_TOKEN || options.io.env.GH_TOKEN;
  if (!options.client && !token) throw new ConfigurationError(`GITHUB_TOKEN: not set; expected a token that can read the releases of ${repository}`);
  const client = options.client ?? createGitHubClient({
    token: token!, log: options.log, ...(options.io.env.GITHUB_API_URL ? { baseUrl: options.io.env.GITHUB_API_URL } : {}),
  });

  const release = (await listReleases(client, owner, repo)).find((r) => r.tag_name === version.tag && !r.draft);
  if (!release) return { kind: 'no-release', tag: version.tag, repository };
  const remote = (await listReleaseAssets(client, owner, repo, release.id)).filter((a) => a.state === 'uploaded');
  const sumsAsset = remote.find((a) => a.name === SHA256SUMS_NAME);
  if (!sumsAsset) throw new Error(`release ${version.tag} of ${repository} has no ${SHA256SUMS_NAME}: nothing to verify against`);
  const sumsText = await readReleaseSums(client, owner, repo, sumsAsset);
  const sums = new Map(parseSha256Sums(sumsText).map((e) => [e.name, e.sha256]));

  const work = await mkdtemp(join(tmpdir(), 'deployforge-verify-'));
  try {
    const checked: Array<VerifiedAsset & { path?: string }> = [];
    if (options.asset) {
      const name = basename(options.asset);
      const expected = sums.get(name);
      const actual = await sha256File(options.asset).catch((error: Error) => {
        throw new ConfigurationError(`--asset: cannot read ${options.asset}: ${error.message}`);
      });
      checked.push(
        expected === undefined
          ? { name, actual, ok: false, detail: `${name} is not listed in ${SHA256SUMS_NAME} of ${version.tag}` }
          : expected === actual
            ? { name, expected, actual, ok: true, detail: 'sha256 matches SHA256SUMS', path: options.asset }
            : { name, expected, actual, ok: false, detail: `${name}: sha256 mismatch: SHA256SUMS of ${version.tag} says ${expected}, the file is ${actual}` },
      );
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

    const attested = remote.some((a) => a.name.endsWith('.sigstore.json'));
    const gh = await onPath('gh', options.io.env);
    const attestations: AttestationCheck[] = [];
    for (const asset of checked) {
      // Provenance covers the archives (the subjects the workflow attested), not the metadata files.
      if (!asset.ok || !asset.path || /\.(sigstore\.json|cdx\.json|spdx\.json|asc|sig)$/.test(asset.name)) continue;
      // A downloaded file lives in a temp dir that is gone afterwards: show its release name instead.
      const command = ['gh', 'attestation', 'verify', options.asset ? asset.path : asset.name, '--repo', repository];
      if (!gh) {
        attestations.push({ command });
        continue;
      }
      const result = await run(gh, ['attestation', 'verify', asset.path, '--repo', repository], options.io.env);
      attestations.push({ command, exitCode: result.code, output: result.output });
    }
    const attestationFailed = attested && attestations.some((a) => a.exitCode !== undefined && a.exitCode !== 0);
    return {
      kind: 'checked', tag: version.tag, repository,
      assets: checked.map(({ path: _path, ...rest }) => rest),
      attested, attestations,
      ok: checked.length > 0 && checked.every((a) => a.ok) && !attestationFailed,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
