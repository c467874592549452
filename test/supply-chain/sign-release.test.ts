import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { generateKey } from 'openpgp';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { ConfigurationError, createMemoryLogger } from '@deployforge/diagnostics';
import { createGitHubClient, parseSha256Sums } from '@deployforge/github';
import { prepareRelease, runHub } from '@deployforge/hub';
import { parseVersionInput } from '@deployforge/version';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { TempGnupgHome } from '../integration/signing/gpg-verify.js';

const TOKEN = 'ghs_sign_release_token_0123456789';
const PASSPHRASE = 'correct horse battery staple';
let key: { privateKey: string; publicKey: string };

beforeAll(async () => {
  // A throwaway key made here: no private key is ever committed.
  key = await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'Release Bot', email: 'release@example.com' }], passphrase: PASSPHRASE, format: 'armored' });
});

let gh: GitHubFake;
beforeEach(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/demo'] });
});
afterEach(async () => {
  expect(gh.violations()).toEqual([]);
  await gh.close();
});

const CONFIG = [
  'project:',
  '  name: demo',
  '  repository: acme/demo',
  'version:',
  '  from: tag',
  // The two archives project() makes: the hub refuses a folder that lacks a configured target.
  'build:',
  '  targets: [linux-x64, windows-x64]',
  'release:',
  '  gpg-key: GPG_PRIVATE_KEY',
  '  gpg-passphrase: GPG_PASSPHRASE',
  '',
].join('\n');

/** A project folder with deployforge.yml, a package-lock.json, and two archives as the build leaves them. */
function project(): { dir: string; archives: string } {
  const dir = mkdtempSync(join(tmpdir(), 'df-sign-'));
  writeFileSync(join(dir, 'deployforge.yml'), CONFIG);
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'demo', version: '1.0.0', lockfileVersion: 3, packages: { '': { name: 'demo', version: '1.0.0' } } }));
  const archives = join(dir, 'deployforge-artifacts');
  mkdirSync(archives);
  writeFileSync(join(archives, 'demo-1.0.0-linux-x64.tar.gz'), 'linux archive bytes');
  writeFileSync(join(archives, 'demo-1.0.0-windows-x64.zip'), 'windows archive bytes');
  return { dir, archives };
}

const loaded = () => parseConfig(CONFIG, 'deployforge.yml');
const version = parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'test' });
const secrets = () => ({ GPG_PRIVATE_KEY: key.privateKey, GPG_PASSPHRASE: PASSPHRASE, GITHUB_REPOSITORY: 'acme/demo' });

/** Real gpg, in a throwaway home whose agent is stopped and folder removed afterwards. */
function gpgVerifies(signature: string, file: string): boolean {
  const root = mkdtempSync(join(tmpdir(), 'df-gpg-'));
  const home = new TempGnupgHome(root);
  try {
    home.importPublicKey(key.publicKey);
    return home.verify(signature, file).status === 0;
  } finally {
    home.close();
    rmSync(root, { recursive: true, force: true });
  }
}

describe('the sign job (prepare-release) and the release job (create-release), as the workflow runs them', () => {
  test('sign job: SBOM + SHA256SUMS + SHA256SUMS.asc that real gpg accepts; the release job uploads them as they are', async () => {
    const { dir, archives } = project();
    const log = createMemoryLogger();
    const out = join(dir, 'deployforge-signed');
    const prepared = await prepareRelease({ loaded: loaded(), version, artifacts: archives, outDir: out, cwd: dir, env: secrets(), log, dryRun: false });

    expect(prepared.files.map((f) => basename(f)).sort()).toEqual(['SHA256SUMS', 'SHA256SUMS.asc', 'demo-1.0.0.cdx.json']);
    const listed = parseSha256Sums(readFileSync(prepared.checksums, 'utf8')).map((e) => e.name);
    expect(listed).toEqual(['demo-1.0.0-linux-x64.tar.gz', 'demo-1.0.0-windows-x64.zip', 'demo-1.0.0.cdx.json']);
    expect(gpgVerifies(join(out, 'SHA256SUMS.asc'), prepared.checksums)).toBe(true);
    // Neither log nor any written file holds the key or the passphrase.
    const everything = [...log.lines, ...prepared.files.map((f) => readFileSync(f, 'utf8'))].join('\n');
    expect(everything).not.toContain(PASSPHRASE);
    expect(everything).not.toContain(key.privateKey.split('\n')[3]);

    // The release job: no secret in its env, the archives and the sign job's files side by side.
    const client = createGitHubClient({ token: TOKEN, baseUrl: gh.url, log, writeIntervalMs: 0, retryBaseMs: 1 });
    const hub = { loaded: loaded(), version, artifacts: `${archives}\n${out}`, cwd: dir, env: { GITHUB_REPOSITORY: 'acme/demo' }, token: TOKEN, log, force: false, dryRun: false, client };
    const result = await runHub(hub);
    expect(result.published).toBe(true);
    const release = gh.state.repo('acme/demo')!.releases[0]!;
    expect(release.assets.map((a) => a.name).sort()).toEqual([...listed, 'SHA256SUMS', 'SHA256SUMS.asc'].sort());
    const onRelease = (name: string) => release.assets.find((a) => a.name === name)!.filePath!;
    expect(readFileSync(onRelease('SHA256SUMS'), 'utf8')).toBe(readFileSync(prepared.checksums, 'utf8'));
    expect(gpgVerifies(onRelease('SHA256SUMS.asc'), onRelease('SHA256SUMS'))).toBe(true);

    // A re-run of the whole workflow signs again (other bytes) and the hub keeps what is there.
    const writes = gh.writeCount();
    await prepareRelease({ loaded: loaded(), version, artifacts: archives, outDir: out, cwd: dir, env: secrets(), log, dryRun: false });
    expect((await runHub(hub)).writes).toBe(0);
    expect(gh.writeCount()).toBe(writes);
  });

  test('a missing key stops the sign job before it writes anything, naming the secret', async () => {
    const { dir, archives } = project();
    const out = join(dir, 'deployforge-signed');
    const error = await prepareRelease({
      loaded: loaded(), version, artifacts: archives, outDir: out, cwd: dir, env: { GPG_PASSPHRASE: PASSPHRASE }, log: createMemoryLogger(), dryRun: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/^release\.gpg-key: the secret GPG_PRIVATE_KEY is empty or not set here/);
    expect(existsSync(out)).toBe(false);
  });

  test('a wrong passphrase stops the sign job before it writes anything, and is not printed', async () => {
    const { dir, archives } = project();
    const out = join(dir, 'deployforge-signed');
    const error = await prepareRelease({
      loaded: loaded(), version, artifacts: archives, outDir: out, cwd: dir, env: { ...secrets(), GPG_PASSPHRASE: 'not-the-Passphrase-7781' }, log: createMemoryLogger(), dryRun: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('GPG_PASSPHRASE');
    expect((error as Error).message).not.toContain('not-the-Passphrase-7781');
    expect(existsSync(out)).toBe(false);
  });

  test('a dry run writes SBOM and SHA256SUMS, checks the key, and signs nothing', async () => {
    const { dir, archives } = project();
    const out = join(dir, 'deployforge-signed');
    const log = createMemoryLogger();
    const prepared = await prepareRelease({ loaded: loaded(), version, artifacts: archives, outDir: out, cwd: dir, env: secrets(), log, dryRun: true });
    expect(prepared.files.map((f) => basename(f)).sort()).toEqual(['SHA256SUMS', 'demo-1.0.0.cdx.json']);
    expect(log.lines.join('\n')).toContain('[dry run] would sign SHA256SUMS into SHA256SUMS.asc');
  });
});

describe('a local release (deployforge release) signs in the hub itself', () => {
  test('the hub signs SHA256SUMS with the key from the environment; real gpg accepts the signature on the release', async () => {
    const { dir, archives } = project();
    const log = createMemoryLogger();
    const client = createGitHubClient({ token: TOKEN, baseUrl: gh.url, log, writeIntervalMs: 0, retryBaseMs: 1 });
    const result = await runHub({ loaded: loaded(), version, artifacts: archives, cwd: dir, env: secrets(), token: TOKEN, log, force: false, dryRun: false, client });
    expect(result.assets.map((a) => a.name)).toContain('SHA256SUMS.asc');
    const release = gh.state.repo('acme/demo')!.releases[0]!;
    const onRelease = (name: string) => release.assets.find((a) => a.name === name)!.filePath!;
    expect(gpgVerifies(onRelease('SHA256SUMS.asc'), onRelease('SHA256SUMS'))).toBe(true);
    expect(parseSha256Sums(readFileSync(onRelease('SHA256SUMS'), 'utf8')).map((e) => e.name)).not.toContain('SHA256SUMS.asc');
    expect(log.lines.some((l) => /GPG: SHA256SUMS will be signed with [0-9A-F]{40} \(Release Bot <release@example.com>\)/.test(l))).toBe(true);
  });

  test('without the key in the environment the local release refuses to start', async () => {
    const { dir, archives } = project();
    const log = createMemoryLogger();
    const client = createGitHubClient({ token: TOKEN, baseUrl: gh.url, log, writeIntervalMs: 0, retryBaseMs: 1 });
    await expect(runHub({ loaded: loaded(), version, artifacts: archives, cwd: dir, env: { GITHUB_REPOSITORY: 'acme/demo' }, token: TOKEN, log, force: false, dryRun: false, client })).rejects.toThrow(/GPG_PRIVATE_KEY/);
    expect(gh.writeCount()).toBe(0);
  });
});
