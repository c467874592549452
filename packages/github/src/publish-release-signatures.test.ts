import { generateKeyPairSync, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '@deployforge/diagnostics';
import { startGitHubFake, type GitHubFake } from '../../../test/fakes/github/index.js';
import type { ChecksumSigner } from './checksum-signer.js';
import { publishRelease } from './publish-release.js';
import { sha256File } from './sha256-file.js';
import { parseSha256Sums, renderSha256Sums } from './sha256sums.js';
import { fastClient, releaseFiles, releaseOptions, TOKEN } from './test-support.js';

let fake: GitHubFake;

beforeEach(async () => {
  fake = await startGitHubFake({ token: TOKEN, repos: ['acme/app'], seed: 7 });
});

afterEach(async () => {
  expect(fake.violations()).toEqual([]);
  await fake.close();
});

/**
 * A real signer (Ed25519 over the file's bytes) whose output, like a GPG or Sigstore signature,
 * differs on every signing: each signature carries its own sequence number in the signed data.
 */
function sequenceSigner(): ChecksumSigner & { signed: number; checked: number; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const state = { signed: 0, checked: 0, publicKey };
  return Object.assign(state, {
    names: ['SHA256SUMS.asc'],
    async check() {
      state.checked++;
    },
    async sign(sumsPath: string, names: readonly string[], outDir: string) {
      const data = await readFile(sumsPath);
      const seq = ++state.signed;
      const signature = edSign(null, Buffer.concat([Buffer.from(`${seq}\n`), data]), privateKey).toString('base64');
      const paths = names.map((n) => join(outDir, n));
      for (const path of paths) await writeFile(path, `${seq}\n${signature}\n`);
      return paths;
    },
  });
}

function release() {
  const releases = fake.state.repo('acme/app')!.releases.filter((r) => r.tagName === 'v1.0.0');
  expect(releases).toHaveLength(1);
  return releases[0]!;
}

async function assetText(name: string): Promise<string> {
  return readFile(release().assets.find((a) => a.name === name)!.filePath!, 'utf8');
}

/** The signature on the release verifies over the SHA256SUMS on the release. */
async function expectValidSignature(publicKey: KeyObject): Promise<void> {
  const [seq, signature] = (await assetText('SHA256SUMS.asc')).trim().split('\n');
  const sums = Buffer.from(await assetText('SHA256SUMS'));
  expect(edVerify(null, Buffer.concat([Buffer.from(`${seq}\n`), sums]), publicKey, Buffer.from(signature!, 'base64'))).toBe(true);
}

describe('publishRelease signs SHA256SUMS', () => {
  it('uploads the signature after SHA256SUMS, unlisted; a re-run neither signs nor writes', async () => {
    const client = fastClient(fake);
    const files = await releaseFiles(3);
    const signer = sequenceSigner();
    const first = await publishRelease(releaseOptions(client, files, { signer }));

    expect(signer.signed).toBe(1);
    const names = release().assets.map((a) => a.name).sort();
    expect(names).toEqual([...files.map((f) => basename(f)), 'SHA256SUMS', 'SHA256SUMS.asc'].sort());
    // SHA256SUMS lists the archives only: a signature of it cannot be inside it.
    expect(parseSha256Sums(await assetText('SHA256SUMS')).map((e) => e.name)).toEqual(files.map((f) => basename(f)).sort());
    await expectValidSignature(signer.publicKey);
    const uploads = fake.requests.filter((r) => r.operationId === 'repos/upload-release-asset').map((r) => new URL(r.path, 'http://x').searchParams.get('name'));
    expect(uploads.at(-1)).toBe('SHA256SUMS.asc');
    expect(uploads.indexOf('SHA256SUMS')).toBeLessThan(uploads.indexOf('SHA256SUMS.asc'));
    expect(first.assets.map((a) => a.name)).toContain('SHA256SUMS.asc');

    const writes = fake.writeCount();
    const second = await publishRelease(releaseOptions(client, files, { signer }));
    expect(second.writes).toBe(0);
    expect(fake.writeCount()).toBe(writes);
    expect(signer.signed).toBe(1);
    expect(signer.checked).toBe(2);
  });

  it('a re-run of an interrupted release keeps the signature the draft already holds', async () => {
    const client = fastClient(fake);
    const files = await releaseFiles(2);
    const signer = sequenceSigner();
    await publishRelease(releaseOptions(client, files, { signer }));
    // Back to the state of a run that died after its last upload, before publishing.
    release().draft = true;
    const before = await assetText('SHA256SUMS.asc');

    const result = await publishRelease(releaseOptions(client, files, { signer }));
    expect(signer.signed).toBe(1);
    expect(result.writes).toBe(1); // publish only
    expect(result.published).toBe(true);
    expect(await assetText('SHA256SUMS.asc')).toBe(before);
    expect(client.lines).toContain('info: SHA256SUMS.asc: already on the release and signs this SHA256SUMS; kept');
  });

  it('a forced change of an archive re-signs and replaces the stale signature', async () => {
    const client = fastClient(fake);
    const files = await releaseFiles(2);
    const signer = sequenceSigner();
    await publishRelease(releaseOptions(client, files, { signer }));
    release().draft = true;
    await writeFile(files[0]!, 'rebuilt');

    const result = await publishRelease(releaseOptions(client, files, { signer, force: true }));
    expect(signer.signed).toBe(2);
    expect(result.actions).toContain('replaced the stale SHA256SUMS.asc');
    expect((await assetText('SHA256SUMS.asc')).startsWith('2\n')).toBe(true);
    await expectValidSignature(signer.publicKey);
    expect(release().assets.map((a) => a.name).sort()).toEqual([...files.map((f) => basename(f)), 'SHA256SUMS', 'SHA256SUMS.asc'].sort());
  });

  it('a dry run checks the key, says it would sign, and neither signs nor writes', async () => {
    const client = fastClient(fake);
    const files = await releaseFiles(1);
    const signer = sequenceSigner();
    const result = await publishRelease(releaseOptions(client, files, { signer, dryRun: true }));
    expect(signer.checked).toBe(1);
    expect(signer.signed).toBe(0);
    expect(fake.writeCount()).toBe(0);
    expect(result.actions).toContain('sign SHA256SUMS into SHA256SUMS.asc');
  });

  it('a signer whose check fails stops the release before the first write', async () => {
    const client = fastClient(fake);
    const files = await releaseFiles(1);
    const signer: ChecksumSigner = {
      names: ['SHA256SUMS.asc'],
      check: async () => {
        throw new ConfigurationError('release.gpg-key: GPG_PRIVATE_KEY does not hold a private key');
      },
      sign: async () => [],
    };
    await expect(publishRelease(releaseOptions(client, files, { signer }))).rejects.toThrow(/GPG_PRIVATE_KEY/);
    expect(fake.writeCount()).toBe(0);
  });
});

describe('publishRelease with a SHA256SUMS prepared and signed by the sign job', () => {
  async function prepared(files: string[], extra: Record<string, string>): Promise<string[]> {
    const dir = dirname(files[0]!);
    const entries = [];
    for (const f of files) entries.push({ name: basename(f), sha256: await sha256File(f) });
    await writeFile(join(dir, 'SHA256SUMS'), renderSha256Sums(entries));
    for (const [name, text] of Object.entries(extra)) await writeFile(join(dir, name), text);
    return [...files, join(dir, 'SHA256SUMS'), ...Object.keys(extra).map((n) => join(dir, n))];
  }

  it('uploads it as it is with the signatures, unlisted; a new bundle on a re-run keeps the first', async () => {
    const client = fastClient(fake);
    const files = await releaseFiles(2);
    const all = await prepared(files, { 'SHA256SUMS.sigstore.json': '{"n":1}\n', 'app-1.0.0.sigstore.json': '{"p":1}\n' });
    await publishRelease(releaseOptions(client, all));
    expect(await assetText('SHA256SUMS')).toBe(await readFile(all[2]!, 'utf8'));
    expect(parseSha256Sums(await assetText('SHA256SUMS')).map((e) => e.name)).toEqual(files.map((f) => basename(f)).sort());
    expect(await assetText('SHA256SUMS.sigstore.json')).toBe('{"n":1}\n');

    release().draft = true;
    const again = await prepared(files, { 'SHA256SUMS.sigstore.json': '{"n":2}\n', 'app-1.0.0.sigstore.json': '{"p":2}\n' });
    const result = await publishRelease(releaseOptions(client, again));
    expect(result.writes).toBe(1);
    expect(await assetText('SHA256SUMS.sigstore.json')).toBe('{"n":1}\n');
    expect(await assetText('app-1.0.0.sigstore.json')).toBe('{"p":1}\n');
  });

  it('refuses a SHA256SUMS made for other files, before writing anything', async () => {
    const client = fastClient(fake);
    const files = await releaseFiles(2);
    const all = await prepared(files, {});
    await writeFile(files[1]!, 'changed after signing');
    const error = await publishRelease(releaseOptions(client, all)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(`not listed, or with another sha256: ${basename(files[1]!)}`);
    expect(fake.writeCount()).toBe(0);
  });
});
