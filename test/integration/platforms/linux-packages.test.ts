import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '@deployforge/diagnostics';
import type { PlatformContext } from '@deployforge/platforms';
import { linuxPackagesPlatform } from '../../../packages/platforms/src/linux-packages/index.js';
import { cloneWithGit, createBareRepo, runSpoke, type BareRepo } from '../../../packages/platforms/src/git-remote/test-support.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { requireClient } from '../../helpers/real-clients.js';
import { assertReachable, run, runOk, testServices } from '../../helpers/services.js';
import { serveFolder } from './static-folder-server.js';

const CONFIG = `
project: { name: hello-forge, description: Greets the forge, homepage: https://example.test/hello-forge, license: MIT, repository: acme/hello-forge, maintainer: Acme <dev@acme.test> }
build: { binary: hello-forge, targets: [linux-x64, linux-arm64, linux-x64-musl, macos-arm64, windows-x64] }
platforms:
  linux-packages: { repository: acme/packages, formats: [deb, rpm] }
`;

/** An apt that looks only at `root`: its own sources, keyring, lists, cache and dpkg status. */
function aptRoot(serverUrl: string, key: string): { root: string; args: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'df-apt-'));
  for (const dir of ['etc/apt/sources.list.d', 'etc/apt/preferences.d', 'etc/apt/apt.conf.d', 'etc/apt/keyrings', 'var/lib/apt/lists/partial', 'var/cache/apt/archives/partial', 'var/lib/dpkg/info', 'var/lib/dpkg/updates', 'var/log/apt']) {
    mkdirSync(join(root, dir), { recursive: true });
  }
  writeFileSync(join(root, 'var/lib/dpkg/status'), '');
  writeFileSync(join(root, 'etc/apt/keyrings/hello.asc'), key);
  writeFileSync(join(root, 'etc/apt/sources.list.d/hello.list'), `deb [signed-by=${root}/etc/apt/keyrings/hello.asc] ${serverUrl}deb stable main\n`);
  writeFileSync(join(root, 'etc/apt/sources.list'), '');
  const args = [
    '-o', `Dir=${root}`, '-o', `Dir::State::status=${root}/var/lib/dpkg/status`, '-o', 'Debug::NoLocking=1',
    '-o', 'APT::Architecture=amd64', '-o', 'APT::Sandbox::User=root', '-o', 'Acquire::Languages=none',
    '-o', `DPkg::Options::=--root=${root}`, '-o', 'DPkg::Options::=--force-not-root', '-o', `DPkg::Options::=--log=${root}/var/log/dpkg.log`,
    '-o', 'DPkg::Use-Pty=0', '-o', `Dir::Log=${root}/var/log/apt`,
  ];
  return { root, args };
}

describe('linux-packages: .deb and .rpm in apt and yum repositories on a git branch, installed by the real clients', () => {
  const services = testServices();
  let fx: ReleaseFixture;
  let armoredKey: string;
  let publicKey: string;
  const repos: BareRepo[] = [];
  const cleanup: string[] = [];

  beforeAll(async () => {
    requireClient('apt-get', 'apt');
    await assertReachable('git HTTP server', services.DEPLOYFORGE_TEST_GIT_HTTP);
    fx = await createReleaseFixture(CONFIG, '1.0.0-rc.1');
    const key = await generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'Hello Forge Packages', email: 'packages@acme.test' }], format: 'armored' });
    armoredKey = key.privateKey;
    publicKey = key.publicKey;
  });
  afterAll(async () => {
    await fx?.close();
    for (const repo of repos) repo.remove();
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  function ctxFor(url: string, extra: Record<string, unknown> = {}, env: Record<string, string> = {}): PlatformContext {
    const log = createMemoryLogger();
    const base = fx.context({ env: { LINUX_REPO_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN, LINUX_REPO_GPG_KEY: armoredKey, ...env }, log });
    const block = { ...base.config.platforms['linux-packages']!, repository: url, ...extra };
    return { ...base, config: { ...base.config, platforms: { ...base.config.platforms, 'linux-packages': block } } };
  }

  it('publishes, apt-get installs the package from the signed repository in a throwaway root, and a re-run pushes nothing', async () => {
    const repo = await createBareRepo(services, 'packages');
    repos.push(repo);
    const first = await runSpoke(linuxPackagesPlatform, ctxFor(repo.httpUrl));
    expect(first.status, first.detail).toBe('published');
    const files = await repo.files();
    expect(files).toEqual(expect.arrayContaining([
      'key.asc', 'deb/dists/stable/InRelease', 'deb/dists/stable/Release', 'deb/dists/stable/Release.gpg',
      'deb/dists/stable/main/binary-amd64/Packages', 'deb/dists/stable/main/binary-arm64/Packages.gz',
      'deb/pool/main/h/hello-forge/hello-forge_1.0.0~rc.1-1_amd64.deb',
      'rpm/hello-forge-1.0.0~rc.1-1.x86_64.rpm', 'rpm/repodata/repomd.xml', 'rpm/repodata/repomd.xml.asc',
    ]));

    const clone = await cloneWithGit(repo.daemonUrl);
    cleanup.push(clone);
    const server = await serveFolder(clone);
    try {
      const { root, args } = aptRoot(server.url, readFileSync(join(clone, 'key.asc'), 'utf8'));
      cleanup.push(root);
      const update = await run('apt-get', [...args, 'update'], { timeoutMs: 60_000 });
      expect(update.code, update.stdout + update.stderr).toBe(0);
      expect(update.stdout + update.stderr).not.toMatch(/^W:|^E:/m);
      const install = await run('apt-get', [...args, 'install', '-y', '--no-install-recommends', 'hello-forge'], { timeoutMs: 60_000 });
      expect(install.code, install.stdout + install.stderr).toBe(0);
      const out = await runOk(join(root, 'usr/bin/hello-forge'), []);
      expect(out).toContain('hello-forge 1.0.0-rc.1 (linux-x64)');
      expect(readFileSync(join(root, 'var/lib/dpkg/status'), 'utf8')).toMatch(/Package: hello-forge\nStatus: install ok installed/);

      // A key that did not sign the repository: apt refuses the index.
      const other = await generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'Someone Else' }], format: 'armored' });
      const wrong = aptRoot(server.url, other.publicKey);
      cleanup.push(wrong.root);
      const refused = await run('apt-get', [...wrong.args, 'update'], { timeoutMs: 60_000 });
      expect(refused.stdout + refused.stderr).toMatch(/NO_PUBKEY|not signed|EXPKEYSIG|BADSIG/);
    } finally {
      await server.close();
    }

    const tip = await repo.tip();
    const second = await runSpoke(linuxPackagesPlatform, ctxFor(repo.httpUrl));
    expect(second.status, second.detail).toBe('skipped');
    expect(second.existence?.state).toBe('identical');
    expect(await repo.tip()).toBe(tip);
    expect((await linuxPackagesPlatform.status(ctxFor(repo.httpUrl))).latest).toBe('1.0.0-rc.1');
    expect(publicKey).toContain('BEGIN PGP PUBLIC KEY BLOCK');
  }, 180_000);
});
