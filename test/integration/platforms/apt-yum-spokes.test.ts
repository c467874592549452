// platforms.apt and platforms.yum: the release carries .deb/.rpm assets (release.linux-packages,
// built by the real hub); the apt spoke adds the .deb files to a signed apt repository on a git
// branch and apt-get installs from it; the yum spoke adds the .rpm files to a signed yum repository
// and dnf installs from it; re-runs are identical and push nothing. createrepo_c, the reference,
// writes the same yum metadata; a second release is appended; a rebuilt version is refused.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { keepPackage, type PlatformContext } from '@deployforge/platforms';
import { aptPlatform } from '../../../packages/platforms/src/apt/index.js';
import { yumPlatform } from '../../../packages/platforms/src/yum/index.js';
import { cloneWithGit, createBareRepo, runSpoke, type BareRepo } from '../../../packages/platforms/src/git-remote/test-support.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { requireClient } from '../../helpers/real-clients.js';
import { assertReachable, run, runOk, testServices } from '../../helpers/services.js';
import { serveFolder } from './static-folder-server.js';

const CONFIG = `
project: { name: hello-forge, description: Greets the forge, license: MIT, repository: acme/hello-forge, maintainer: Acme <dev@acme.test> }
build: { binary: hello-forge, targets: [linux-x64, linux-arm64, linux-x64-musl, macos-arm64] }
release: { linux-packages: [deb, rpm, apk] }
platforms:
  apt: { repository: acme/packages }
  yum: { repository: acme/packages, path: linux/rpm, branch: gh-pages }
`;

function aptRoot(sourceUrl: string, key: string): { root: string; args: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'df-apt-'));
  for (const dir of ['etc/apt/sources.list.d', 'etc/apt/preferences.d', 'etc/apt/apt.conf.d', 'etc/apt/keyrings', 'var/lib/apt/lists/partial', 'var/cache/apt/archives/partial', 'var/lib/dpkg/info', 'var/lib/dpkg/updates', 'var/log/apt']) {
    mkdirSync(join(root, dir), { recursive: true });
  }
  writeFileSync(join(root, 'var/lib/dpkg/status'), '');
  writeFileSync(join(root, 'etc/apt/keyrings/hello.asc'), key);
  writeFileSync(join(root, 'etc/apt/sources.list.d/hello.list'), `deb [signed-by=${root}/etc/apt/keyrings/hello.asc] ${sourceUrl} stable main\n`);
  writeFileSync(join(root, 'etc/apt/sources.list'), '');
  const args = [
    '-o', `Dir=${root}`, '-o', `Dir::State::status=${root}/var/lib/dpkg/status`, '-o', 'Debug::NoLocking=1',
    '-o', 'APT::Architecture=amd64', '-o', 'APT::Sandbox::User=root', '-o', 'Acquire::Languages=none',
    '-o', `DPkg::Options::=--root=${root}`, '-o', 'DPkg::Options::=--force-not-root', '-o', `DPkg::Options::=--log=${root}/var/log/dpkg.log`,
    '-o', 'DPkg::Use-Pty=0', '-o', `Dir::Log=${root}/var/log/apt`,
  ];
  return { root, args };
}

describe('apt and yum spokes: the release\'s .deb/.rpm assets in signed repositories, installed by the real clients', () => {
  const services = testServices();
  let fx: ReleaseFixture;
  let armoredKey: string;
  const repos: BareRepo[] = [];
  const cleanup: string[] = [];

  beforeAll(async () => {
    await assertReachable('git HTTP server', services.DEPLOYFORGE_TEST_GIT_HTTP);
    fx = await createReleaseFixture(CONFIG, '1.0.0-rc.1');
    const key = await generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'Hello Forge Packages', email: 'packages@acme.test' }], format: 'armored' });
    armoredKey = key.privateKey;
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
    for (const repo of repos) repo.remove();
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  function ctxFor(id: 'apt' | 'yum', url: string): PlatformContext {
    const base = fx.context({ env: { LINUX_REPO_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN, LINUX_REPO_GPG_KEY: armoredKey }, log: createMemoryLogger() });
    const block = { ...base.config.platforms[id]!, repository: url };
    return { ...base, config: { ...base.config, platforms: { ...base.config.platforms, [id]: block } } };
  }

  it('the release carries the packages as assets', () => {
    const names = fx.assets.map((a) => a.name).filter((n) => /\.(deb|rpm|apk)$/.test(n)).sort();
    expect(names).toEqual(['hello-forge_1.0.0-rc.1_aarch64.rpm', 'hello-forge_1.0.0-rc.1_amd64.deb', 'hello-forge_1.0.0-rc.1_arm64.deb', 'hello-forge_1.0.0-rc.1_x86_64.apk', 'hello-forge_1.0.0-rc.1_x86_64.rpm']);
  });

  it('apt: publishes the release\'s .deb files, apt-get installs from the repository, a re-run pushes nothing', async () => {
    requireClient('apt-get', 'apt');
    const repo = await createBareRepo(services, 'packages');
    repos.push(repo);
    const first = await runSpoke(aptPlatform, ctxFor('apt', repo.httpUrl));
    expect(first.status, first.detail).toBe('published');
    expect(await repo.files()).toEqual(expect.arrayContaining([
      'deb/key.asc', 'deb/dists/stable/InRelease', 'deb/dists/stable/Release', 'deb/dists/stable/Release.gpg',
      'deb/dists/stable/main/binary-amd64/Packages', 'deb/dists/stable/main/binary-arm64/Packages.gz',
      'deb/pool/main/h/hello-forge/hello-forge_1.0.0~rc.1-1_amd64.deb',
    ]));
    const clone = await cloneWithGit(repo.daemonUrl);
    cleanup.push(clone);
    // The pool file is the release's asset, byte for byte.
    const asset = fx.assets.find((a) => a.name === 'hello-forge_1.0.0-rc.1_amd64.deb')!;
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(readFileSync(join(clone, 'deb/pool/main/h/hello-forge/hello-forge_1.0.0~rc.1-1_amd64.deb'))).digest('hex')).toBe(asset.sha256);
    const server = await serveFolder(clone);
    try {
      const { root, args } = aptRoot(`${server.url}deb`, readFileSync(join(clone, 'deb/key.asc'), 'utf8'));
      cleanup.push(root);
      const update = await run('apt-get', [...args, 'update'], { timeoutMs: 60_000 });
      expect(update.code, update.stdout + update.stderr).toBe(0);
      expect(update.stdout + update.stderr).not.toMatch(/^W:|^E:/m);
      const install = await run('apt-get', [...args, 'install', '-y', '--no-install-recommends', 'hello-forge'], { timeoutMs: 60_000 });
      expect(install.code, install.stdout + install.stderr).toBe(0);
      expect(await runOk(join(root, 'usr/bin/hello-forge'), [])).toContain('hello-forge 1.0.0-rc.1 (linux-x64)');
    } finally {
      await server.close();
    }
    const tip = await repo.tip();
    const second = await runSpoke(aptPlatform, ctxFor('apt', repo.httpUrl));
    expect(second.status, second.detail).toBe('skipped');
    expect(second.existence?.state).toBe('identical');
    expect(await repo.tip()).toBe(tip);
    expect((await aptPlatform.status(ctxFor('apt', repo.httpUrl))).latest).toBe('1.0.0-rc.1');
  }, 180_000);

  it('yum: publishes the release\'s .rpm files into a folder of a new branch, dnf installs from it (repo_gpgcheck), createrepo_c writes the same metadata, a re-run pushes nothing', async () => {
    requireClient('dnf', 'dnf');
    requireClient('createrepo_c', 'createrepo-c');
    const repo = await createBareRepo(services, 'packages');
    repos.push(repo);
    const first = await runSpoke(yumPlatform, ctxFor('yum', repo.httpUrl));
    expect(first.status, first.detail).toBe('published');
    const clone = await cloneWithGit(repo.daemonUrl, 'gh-pages');
    cleanup.push(clone);
    const server = await serveFolder(clone);
    try {
      const root = mkdtempSync(join(tmpdir(), 'df-dnf-'));
      cleanup.push(root);
      mkdirSync(join(root, 'etc/yum.repos.d'), { recursive: true });
      writeFileSync(join(root, 'etc/yum.repos.d/hello.repo'), [
        '[hello-forge]', 'name=hello-forge', `baseurl=${server.url}linux/rpm`, 'enabled=1',
        'gpgcheck=0', 'repo_gpgcheck=1', `gpgkey=${server.url}linux/rpm/key.asc`, '',
      ].join('\n'));
      const dnf = ['--installroot', root, '--setopt', `reposdir=${root}/etc/yum.repos.d`, '--setopt', `cachedir=${root}/var/cache/dnf`,
        '--releasever', '1', '--setopt', 'install_weak_deps=False', '--nodocs', '-y'];
      const install = await run('dnf', [...dnf, 'install', 'hello-forge'], { timeoutMs: 120_000 });
      expect(install.code, install.stdout + install.stderr).toBe(0);
      expect(await runOk(join(root, 'usr/bin/hello-forge'), [])).toContain('hello-forge 1.0.0-rc.1 (linux-x64)');
      expect(server.requests).toContain('/linux/rpm/repodata/repomd.xml.asc');
    } finally {
      await server.close();
    }
    // createrepo_c, the reference, indexes the same .rpm files: package by package, primary,
    // filelists and other say exactly what it says, but for the file's own mtime (`time file=`).
    const ref = mkdtempSync(join(tmpdir(), 'df-createrepo-'));
    cleanup.push(ref);
    for (const f of ['hello-forge-1.0.0~rc.1-1.x86_64.rpm', 'hello-forge-1.0.0~rc.1-1.aarch64.rpm']) writeFileSync(join(ref, f), readFileSync(join(clone, 'linux/rpm', f)));
    await runOk('createrepo_c', ['--simple-md-filenames', '--no-database', ref]);
    const blocks = (xml: string) => [...xml.matchAll(/<package[ >][\s\S]*?<\/package>/g)]
      .map((m) => m[0].replace(/^ +/gm, '').replace(/ file="\d+"/, ''))
      .sort();
    for (const kind of ['primary', 'filelists', 'other']) {
      const theirs = await runOk('sh', ['-c', 'gzip -dc "$1"', 'sh', join(ref, `repodata/${kind}.xml.gz`)]);
      const ours = readFileSync(join(clone, `linux/rpm/repodata/${kind}.xml`), 'utf8');
      expect(blocks(ours), kind).toEqual(blocks(theirs));
      expect(blocks(ours), kind).toHaveLength(2);
    }
    const tip = await repo.tip('gh-pages');
    const second = await runSpoke(yumPlatform, ctxFor('yum', repo.httpUrl));
    expect(second.status, second.detail).toBe('skipped');
    expect(second.existence?.state).toBe('identical');
    expect(await repo.tip('gh-pages')).toBe(tip);
    expect((await yumPlatform.status(ctxFor('yum', repo.httpUrl))).latest).toBe('1.0.0-rc.1');
  }, 240_000);

  it('a second release is appended: both indexes keep the prerelease, apt picks the final and still installs the older one by version; the same version rebuilt with other bytes is refused', async () => {
    requireClient('apt-get', 'apt');
    const repo = await createBareRepo(services, 'packages');
    repos.push(repo);
    for (const spoke of [aptPlatform, yumPlatform]) {
      const first = await runSpoke(spoke, ctxFor(spoke.id as 'apt' | 'yum', repo.httpUrl));
      expect(first.status, first.detail).toBe('published');
    }
    const final = await createReleaseFixture(CONFIG, '1.0.0');
    const rebuilt = await createReleaseFixture(CONFIG.replace('Greets the forge', 'Greets the forge again'), '1.0.0');
    try {
      const ctxOf = (fixture: ReleaseFixture, id: 'apt' | 'yum'): PlatformContext => {
        const base = fixture.context({ env: { LINUX_REPO_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN, LINUX_REPO_GPG_KEY: armoredKey } });
        return { ...base, config: { ...base.config, platforms: { ...base.config.platforms, [id]: { ...base.config.platforms[id]!, repository: repo.httpUrl } } } };
      };
      for (const spoke of [aptPlatform, yumPlatform]) {
        const second = await runSpoke(spoke, ctxOf(final, spoke.id as 'apt' | 'yum'));
        expect(second.status, second.detail).toBe('published');
        expect((await spoke.status(ctxOf(final, spoke.id as 'apt' | 'yum'))).latest).toBe('1.0.0');
      }
      const packages = await repo.show('deb/dists/stable/main/binary-amd64/Packages');
      expect(packages?.match(/^Version: .*$/gm)).toEqual(['Version: 1.0.0~rc.1-1', 'Version: 1.0.0-1']);
      const primary = await repo.show('linux/rpm/repodata/primary.xml', 'gh-pages');
      expect(primary?.match(/<arch>\w+<\/arch>\n {2}<version epoch="0" ver="[^"]+"/g)?.map((m) => m.replace(/\s+/g, ' '))).toEqual([
        '<arch>x86_64</arch> <version epoch="0" ver="1.0.0~rc.1"', '<arch>aarch64</arch> <version epoch="0" ver="1.0.0~rc.1"',
        '<arch>x86_64</arch> <version epoch="0" ver="1.0.0"', '<arch>aarch64</arch> <version epoch="0" ver="1.0.0"',
      ]);

      const clone = await cloneWithGit(repo.daemonUrl);
      cleanup.push(clone);
      const server = await serveFolder(clone);
      try {
        const { root, args } = aptRoot(`${server.url}deb`, readFileSync(join(clone, 'deb/key.asc'), 'utf8'));
        cleanup.push(root);
        await runOk('apt-get', [...args, 'update'], { timeoutMs: 60_000 });
        const policy = await runOk('apt-cache', [...args, 'policy', 'hello-forge']);
        expect(policy).toMatch(/Candidate: 1\.0\.0-1/);
        expect(policy).toContain('1.0.0~rc.1-1');
        await runOk('apt-get', [...args, 'install', '-y', 'hello-forge'], { timeoutMs: 60_000 });
        expect(await runOk(join(root, 'usr/bin/hello-forge'), [])).toContain('hello-forge 1.0.0 (linux-x64)');
        // The older version is still in the pool and installable by version.
        await runOk('apt-get', [...args, 'install', '-y', '--allow-downgrades', 'hello-forge=1.0.0~rc.1-1'], { timeoutMs: 60_000 });
        expect(await runOk(join(root, 'usr/bin/hello-forge'), [])).toContain('1.0.0-rc.1');
      } finally {
        await server.close();
      }

      // The same version released again from other archives (a re-tagged release): its packages are
      // other bytes, so check says different and publish refuses, leaving the branches alone.
      const tips = [await repo.tip(), await repo.tip('gh-pages')];
      for (const spoke of [aptPlatform, yumPlatform]) {
        const ctx = ctxOf(rebuilt, spoke.id as 'apt' | 'yum');
        expect((await spoke.check(ctx)).state).toBe('different');
        const refused = await runSpoke(spoke, ctx);
        expect(refused.status, refused.detail).toBe('failed');
        expect(refused.detail).toContain('with other sha256 digests');
        // publish itself refuses too (a check that raced with another run would not have said so).
        const published = await spoke.publish(ctx, spoke.render(ctx));
        expect(published.status, published.detail).toBe('failed');
        expect(published.detail).toContain('a published package is never replaced');
      }
      expect([await repo.tip(), await repo.tip('gh-pages')]).toEqual(tips);
    } finally {
      await final.close();
      await rebuilt.close();
    }
  }, 240_000);

  it('without LINUX_REPO_GPG_KEY the release key (release.gpg-key) signs; with neither, nothing is pushed and the error names the secret', async () => {
    const repo = await createBareRepo(services, 'packages');
    repos.push(repo);
    const withoutKey = (id: 'apt' | 'yum', env: Record<string, string>, releaseKey?: string): PlatformContext => {
      const base = fx.context({ env: { LINUX_REPO_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN, ...env }, log: createMemoryLogger() });
      const release = { ...base.config.release!, ...(releaseKey ? { 'gpg-key': releaseKey } : {}) };
      return { ...base, config: { ...base.config, release, platforms: { ...base.config.platforms, [id]: { ...base.config.platforms[id]!, repository: repo.httpUrl } } } };
    };
    for (const spoke of [aptPlatform, yumPlatform]) {
      const refused = await runSpoke(spoke, withoutKey(spoke.id as 'apt' | 'yum', {}));
      expect(refused.status).toBe('failed');
      expect(refused.detail).toContain('LINUX_REPO_GPG_KEY is not set');
    }
    expect([await repo.tip(), await repo.tip('gh-pages')]).toEqual([undefined, undefined]);

    const signed = await runSpoke(aptPlatform, withoutKey('apt', { RELEASE_GPG_KEY: armoredKey }, 'RELEASE_GPG_KEY'));
    expect(signed.status, signed.detail).toBe('published');
    expect(await repo.show('deb/key.asc')).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    expect(await repo.show('deb/dists/stable/InRelease')).toContain('BEGIN PGP SIGNED MESSAGE');
  });

  it('release --snapshot keeps each repository as a first publish would write it, unsigned, under its platform folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-snap-'));
    cleanup.push(dir);
    const apt = ctxFor('apt', 'file:///nowhere');
    const yum = ctxFor('yum', 'file:///nowhere');
    const aptFiles = await keepPackage('apt', apt, aptPlatform.render(apt), join(dir, 'apt'));
    const yumFiles = await keepPackage('yum', yum, yumPlatform.render(yum), join(dir, 'yum'));
    expect(aptFiles).toEqual(expect.arrayContaining([
      'files/hello-forge.list', 'repository/deb/dists/stable/Release', 'repository/deb/dists/stable/main/binary-amd64/Packages',
      'repository/deb/pool/main/h/hello-forge/hello-forge_1.0.0~rc.1-1_arm64.deb',
    ]));
    expect(yumFiles).toEqual(expect.arrayContaining(['files/hello-forge.repo', 'repository/linux/rpm/repodata/repomd.xml', 'repository/linux/rpm/hello-forge-1.0.0~rc.1-1.x86_64.rpm']));
    // No key in a snapshot: no signature files, rather than made-up ones.
    expect([...aptFiles, ...yumFiles].filter((f) => /InRelease|Release\.gpg|\.asc$/.test(f))).toEqual([]);
    expect(readFileSync(join(dir, 'apt/repository/deb/dists/stable/main/binary-amd64/Packages'), 'utf8')).toMatch(/^Package: hello-forge\n/);
  });

  it('a release asset that is not the package its archives build is refused, and nothing is pushed', async () => {
    const repo = await createBareRepo(services, 'packages');
    repos.push(repo);
    const base = ctxFor('apt', repo.httpUrl);
    const assets = base.assets.map((a) => (a.name === 'hello-forge_1.0.0-rc.1_amd64.deb' ? { ...a, sha256: '0'.repeat(64) } : a));
    const outcome = await runSpoke(aptPlatform, { ...base, assets });
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toContain('hello-forge_1.0.0-rc.1_amd64.deb');
    expect(outcome.detail).toContain('is not the package its archives build');
    expect(await repo.tip()).toBeUndefined();
  });

  it('a spoke whose package kind release.linux-packages does not list is a config error at file:line:col', () => {
    const yaml = CONFIG.replace('[deb, rpm, apk]', '[deb]');
    let message = '';
    try {
      parseConfig(yaml, 'deployforge.yml');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/deployforge\.yml:7:\d+.*platforms\.yum.*release\.linux-packages does not list rpm.*linux-packages: \[deb, rpm\]/s);
  });
});
