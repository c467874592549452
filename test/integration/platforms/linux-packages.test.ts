import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generateKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '@deployforge/diagnostics';
import type { PlatformContext } from '@deployforge/platforms';
import { linuxPackagesPlatform } from '../../../packages/platforms/src/linux-packages/index.js';
import { buildDeb } from '../../../packages/platforms/src/linux-packages/deb-package.js';
import { readPayload } from '../../../packages/platforms/src/linux-packages/package-payload.js';
import { packageSettings } from '../../../packages/platforms/src/linux-packages/package-settings.js';
import { buildRpm } from '../../../packages/platforms/src/linux-packages/rpm-package.js';
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

  it('the .deb passes dpkg-deb and lintian; the .rpm passes rpm -qip/-qlp/-K and rpmlint', async () => {
    requireClient('lintian', 'lintian');
    requireClient('rpm', 'rpm');
    requireClient('rpmlint', 'rpmlint');
    const repo = await createBareRepo(services, 'packages');
    repos.push(repo);
    const published = await runSpoke(linuxPackagesPlatform, ctxFor(repo.httpUrl));
    expect(published.status, published.detail).toBe('published');
    const clone = await cloneWithGit(repo.daemonUrl);
    cleanup.push(clone);

    const deb = join(clone, 'deb/pool/main/h/hello-forge/hello-forge_1.0.0~rc.1-1_amd64.deb');
    const info = await runOk('dpkg-deb', ['--info', deb]);
    expect(info).toMatch(/Package: hello-forge\n Version: 1\.0\.0~rc\.1-1\n Architecture: amd64\n Maintainer: Acme <dev@acme.test>\n Installed-Size: \d+/);
    const contents = await runOk('dpkg-deb', ['--contents', deb]);
    expect(contents).toMatch(/-rwxr-xr-x root\/root +\d+ 2000-01-01 00:00 \.\/usr\/bin\/hello-forge/);
    // --instdir: unpacked into a throwaway root, as dpkg -i would, and the binary runs from there.
    const instdir = mkdtempSync(join(tmpdir(), 'df-dpkg-'));
    cleanup.push(instdir);
    mkdirSync(join(instdir, 'var/lib/dpkg/info'), { recursive: true });
    writeFileSync(join(instdir, 'var/lib/dpkg/status'), '');
    await runOk('dpkg', ['--root', instdir, '--force-not-root', '--log', join(instdir, 'dpkg.log'), '-i', deb]);
    expect(await runOk(join(instdir, 'usr/bin/hello-forge'), [])).toContain('1.0.0-rc.1');
    // lintian: no errors. Warnings name what a prebuilt binary cannot have (a manual page).
    const lint = await run('lintian', ['--allow-root', '--tag-display-limit', '0', deb], { timeoutMs: 120_000 });
    expect(lint.stdout, lint.stdout + lint.stderr).not.toMatch(/^E: /m);

    const rpm = join(clone, 'rpm/hello-forge-1.0.0~rc.1-1.x86_64.rpm');
    const rpmInfo = await runOk('rpm', ['-qip', rpm]);
    expect(rpmInfo).toMatch(/Name\s+: hello-forge\nVersion\s+: 1\.0\.0~rc\.1\nRelease\s+: 1\nArchitecture: x86_64/);
    expect(rpmInfo).toMatch(/License\s+: MIT/);
    expect(await runOk('rpm', ['-qlp', rpm])).toBe('/usr/bin/hello-forge\n');
    // Signed with the repository key: rpm checks the signature once the key is in its database.
    const rpmdb = mkdtempSync(join(tmpdir(), 'df-rpmdb-'));
    cleanup.push(rpmdb);
    await runOk('rpm', ['--dbpath', rpmdb, '--import', join(clone, 'key.asc')]);
    const digests = await runOk('rpm', ['--dbpath', rpmdb, '-Kv', rpm]);
    for (const line of ['Header SHA256 digest: OK', 'Header SHA1 digest: OK', 'Payload SHA256 digest: OK', 'MD5 digest: OK']) expect(digests).toContain(line);
    expect(digests).toMatch(/Header V4 EdDSA\/SHA512 Signature, key ID [0-9a-f]+: OK/);
    // Without the key it is refused (NOKEY), as dnf with gpgcheck=1 would without gpgkey.
    const other = mkdtempSync(join(tmpdir(), 'df-rpmdb-'));
    cleanup.push(other);
    const nokey = await run('rpm', ['--dbpath', other, '-Kv', rpm]);
    expect(nokey.stdout).toContain('NOKEY');
    // rpm sorts the prerelease before the final version (tilde), as dnf will.
    expect((await runOk('rpm', ['--eval', '%{lua: print(rpm.vercmp("1.0.0~rc.1-1", "1.0.0-1"))}'])).trim()).toBe('-1');
    // rpmlint checks the signature against rpm's database: a HOME whose ~/.rpmmacros points at the
    // one holding the repository key.
    writeFileSync(join(rpmdb, '.rpmmacros'), `%_dbpath ${rpmdb}\n`);
    const rpmlint = await run('rpmlint', [rpm, join(clone, 'rpm/hello-forge-1.0.0~rc.1-1.aarch64.rpm')], { timeoutMs: 120_000, env: { ...process.env, HOME: rpmdb } });
    // Not an error of the format: no-binary (this fixture's "binary" is a shell script, so rpmlint
    // wants noarch).
    const errors = rpmlint.stdout.split('\n').filter((l) => / E: /.test(l) && !/ E: no-binary\b/.test(l));
    expect(errors, rpmlint.stdout).toEqual([]);
  }, 240_000);

  it('dnf installs the signed .rpm from the yum repository (gpgcheck and repo_gpgcheck) into a throwaway installroot; createrepo_c writes the same primary, filelists and other for the same files', async () => {
    requireClient('dnf', 'dnf');
    requireClient('createrepo_c', 'createrepo-c');
    const repo = await createBareRepo(services, 'packages');
    repos.push(repo);
    // A gh-pages branch that does not exist yet, in a folder of it: the first release creates both.
    const published = await runSpoke(linuxPackagesPlatform, ctxFor(repo.httpUrl, { path: 'linux', branch: 'gh-pages' }));
    expect(published.status, published.detail).toBe('published');
    // Without the key (a plan job's check) the unsigned build still matches the signed packages: same
    // main header and payload.
    const keyless = await linuxPackagesPlatform.check(ctxFor(repo.httpUrl, { path: 'linux', branch: 'gh-pages' }, { LINUX_REPO_GPG_KEY: '' }));
    expect(keyless.state, keyless.detail).toBe('identical');
    expect(await repo.tip('main')).toBeUndefined();
    const clone = await cloneWithGit(repo.daemonUrl, 'gh-pages');
    cleanup.push(clone);
    const server = await serveFolder(clone);
    try {
      const root = mkdtempSync(join(tmpdir(), 'df-dnf-'));
      cleanup.push(root);
      mkdirSync(join(root, 'etc/yum.repos.d'), { recursive: true });
      writeFileSync(join(root, 'etc/yum.repos.d/hello.repo'), [
        '[hello-forge]', 'name=hello-forge', `baseurl=${server.url}linux/rpm`, 'enabled=1',
        // Both the packages and repomd.xml are signed by the key.
        'gpgcheck=1', 'repo_gpgcheck=1', `gpgkey=${server.url}linux/key.asc`, '',
      ].join('\n'));
      const dnf = ['--installroot', root, '--setopt', `reposdir=${root}/etc/yum.repos.d`, '--setopt', `cachedir=${root}/var/cache/dnf`,
        '--releasever', '1', '--setopt', 'install_weak_deps=False', '--nodocs', '-y'];
      const install = await run('dnf', [...dnf, 'install', 'hello-forge'], { timeoutMs: 120_000 });
      expect(install.code, install.stdout + install.stderr).toBe(0);
      expect(await runOk(join(root, 'usr/bin/hello-forge'), [])).toContain('hello-forge 1.0.0-rc.1 (linux-x64)');
      const q = await runOk('rpm', ['--root', root, '-q', 'hello-forge']);
      expect(q.trim()).toBe('hello-forge-1.0.0~rc.1-1.x86_64');
      expect(server.requests).toContain('/linux/rpm/repodata/repomd.xml.asc');

      // Another key than the one that signed repomd.xml: dnf refuses the repository.
      const other = await generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'Someone Else' }], format: 'armored' });
      const root2 = mkdtempSync(join(tmpdir(), 'df-dnf-'));
      cleanup.push(root2);
      mkdirSync(join(root2, 'etc/yum.repos.d'), { recursive: true });
      writeFileSync(join(root2, 'other.asc'), other.publicKey);
      writeFileSync(join(root2, 'etc/yum.repos.d/hello.repo'), readFileSync(join(root, 'etc/yum.repos.d/hello.repo'), 'utf8').replace(/^gpgkey=.*$/m, `gpgkey=file://${root2}/other.asc`));
      const dnf2 = dnf.map((a) => a.replace(root, root2));
      const refused = await run('dnf', [...dnf2, 'install', 'hello-forge'], { timeoutMs: 120_000 });
      expect(refused.code, refused.stdout + refused.stderr).not.toBe(0);
      expect(existsSync(join(root2, 'usr/bin/hello-forge'))).toBe(false);

      // createrepo_c, the reference, indexes the same folder of .rpm files: same packages, same checksums.
      const ref = mkdtempSync(join(tmpdir(), 'df-createrepo-'));
      cleanup.push(ref);
      for (const f of ['hello-forge-1.0.0~rc.1-1.x86_64.rpm', 'hello-forge-1.0.0~rc.1-1.aarch64.rpm']) writeFileSync(join(ref, f), readFileSync(join(clone, 'linux/rpm', f)));
      await runOk('createrepo_c', ['--simple-md-filenames', '--no-database', ref]);
      // Package by package, primary, filelists and other say exactly what createrepo_c says about the
      // same files, but for the file's own mtime (`time file=`, the build time is the same).
      const blocks = (xml: string) => [...xml.matchAll(/<package[ >][\s\S]*?<\/package>/g)]
        .map((m) => m[0].replace(/^ +/gm, '').replace(/ file="\d+"/, ''))
        .sort();
      for (const kind of ['primary', 'filelists', 'other']) {
        const theirs = await runOk('sh', ['-c', 'gzip -dc "$1"', 'sh', join(ref, `repodata/${kind}.xml.gz`)]);
        const ours = readFileSync(join(clone, `linux/rpm/repodata/${kind}.xml`), 'utf8');
        expect(blocks(ours), kind).toEqual(blocks(theirs));
        expect(blocks(ours), kind).toHaveLength(2);
      }
    } finally {
      await server.close();
    }
  }, 240_000);

  it('a second release is appended (the older one stays installable), apt picks the final over the prerelease and still installs the older one by version; a rebuilt version with other bytes is refused', async () => {
    const repo = await createBareRepo(services, 'packages');
    repos.push(repo);
    const first = await runSpoke(linuxPackagesPlatform, ctxFor(repo.httpUrl));
    expect(first.status, first.detail).toBe('published');
    const final = await createReleaseFixture(CONFIG, '1.0.0');
    try {
      const ctxFinal = (env: Record<string, string> = {}): PlatformContext => {
        const base = final.context({ env: { LINUX_REPO_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN, LINUX_REPO_GPG_KEY: armoredKey, ...env } });
        const block = { ...base.config.platforms['linux-packages']!, repository: repo.httpUrl };
        return { ...base, config: { ...base.config, platforms: { ...base.config.platforms, 'linux-packages': block } } };
      };
      const second = await runSpoke(linuxPackagesPlatform, ctxFinal());
      expect(second.status, second.detail).toBe('published');
      const packages = await repo.show('deb/dists/stable/main/binary-amd64/Packages');
      expect(packages?.match(/^Version: .*$/gm)).toEqual(['Version: 1.0.0~rc.1-1', 'Version: 1.0.0-1']);
      const primary = await repo.show('rpm/repodata/primary.xml');
      expect(primary?.match(/<arch>\w+<\/arch>\n {2}<version epoch="0" ver="[^"]+"/g)?.map((m) => m.replace(/\s+/g, ' '))).toEqual([
        '<arch>x86_64</arch> <version epoch="0" ver="1.0.0~rc.1"', '<arch>aarch64</arch> <version epoch="0" ver="1.0.0~rc.1"',
        '<arch>x86_64</arch> <version epoch="0" ver="1.0.0"', '<arch>aarch64</arch> <version epoch="0" ver="1.0.0"',
      ]);
      expect((await linuxPackagesPlatform.status(ctxFinal())).latest).toBe('1.0.0');

      const clone = await cloneWithGit(repo.daemonUrl);
      cleanup.push(clone);
      const server = await serveFolder(clone);
      try {
        const { root, args } = aptRoot(server.url, readFileSync(join(clone, 'key.asc'), 'utf8'));
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

      // The same version built from other archives (a re-tagged release): check says different and
      // publish refuses, leaving the repository alone.
      const tip = await repo.tip();
      const rebuilt = await createReleaseFixture(CONFIG.replace('Greets the forge', 'Greets the forge again'), '1.0.0');
      try {
        const base = rebuilt.context({ env: { LINUX_REPO_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN, LINUX_REPO_GPG_KEY: armoredKey } });
        const ctx = { ...base, config: { ...base.config, platforms: { ...base.config.platforms, 'linux-packages': { ...base.config.platforms['linux-packages']!, repository: repo.httpUrl } } } };
        expect((await linuxPackagesPlatform.check(ctx)).state).toBe('different');
        const refused = await runSpoke(linuxPackagesPlatform, ctx);
        expect(refused.status, refused.detail).not.toBe('published');
        expect(await repo.tip()).toBe(tip);
      } finally {
        await rebuilt.close();
      }
    } finally {
      await final.close();
    }
  }, 240_000);

  it('.apk (no apk-tools in Debian bookworm, so checked by structure): control and data gzip streams, .PKGINFO fields, datahash, per-file SHA-1, readable by GNU tar', async () => {
    const repo = await createBareRepo(services, 'packages');
    repos.push(repo);
    const published = await runSpoke(linuxPackagesPlatform, ctxFor(repo.httpUrl, { formats: ['apk'], depends: { apk: ['ca-certificates'] } }));
    expect(published.status, published.detail).toBe('published');
    // apk takes the musl builds only: linux-x64-musl is in the release, arm64 has only gnu.
    expect((await repo.files()).filter((f) => f.startsWith('apk/'))).toEqual(['apk/x86_64/hello-forge-1.0.0_rc1-r0.apk']);
    const clone = await cloneWithGit(repo.daemonUrl);
    cleanup.push(clone);
    const file = join(clone, 'apk/x86_64/hello-forge-1.0.0_rc1-r0.apk');
    const apk = readFileSync(file);

    // Two gzip members: the control segment ends where the data segment's member starts.
    const starts = [...apk.entries()].filter(([i, b]) => b === 0x1f && apk[i + 1] === 0x8b && apk[i + 2] === 8 && i > 0).map(([i]) => i);
    const split = starts.find((i) => { try { gunzipSync(apk.subarray(0, i)); return true; } catch { return false; } });
    expect(split).toBeDefined();
    const control = gunzipSync(apk.subarray(0, split));
    const data = apk.subarray(split);
    // The control tar has no end-of-archive blocks (apk reads both segments as one tar).
    expect(control.subarray(0, 9).toString()).toBe('.PKGINFO\0');
    expect(control.length).toBe(1024);
    const info = control.subarray(512, 512 + Number.parseInt(control.subarray(124, 135).toString(), 8)).toString();
    const fields = Object.fromEntries(info.split('\n').filter((l) => l.includes(' = ')).map((l) => l.split(' = ') as [string, string]));
    expect(fields).toMatchObject({ pkgname: 'hello-forge', pkgver: '1.0.0_rc1-r0', arch: 'x86_64', license: 'MIT', origin: 'hello-forge', depend: 'ca-certificates', builddate: '946684800' });
    expect(fields['datahash']).toBe(createHash('sha256').update(data).digest('hex'));

    // Every file is preceded by a PAX header carrying its SHA-1, as abuild writes and apk checks.
    const tar = gunzipSync(data);
    const seen: string[] = [];
    for (let off = 0; off < tar.length && tar[off] !== 0;) {
      const name = tar.subarray(off, off + 100).toString().replace(/\0.*$/s, '');
      const size = Number.parseInt(tar.subarray(off + 124, off + 135).toString(), 8);
      const type = String.fromCharCode(tar[off + 156]!);
      const body = tar.subarray(off + 512, off + 512 + size);
      off += 512 + Math.ceil(size / 512) * 512;
      if (type === 'x') {
        const sha1 = /APK-TOOLS\.checksum\.SHA1=([0-9a-f]{40})/.exec(body.toString())?.[1];
        const nextSize = Number.parseInt(tar.subarray(off + 124, off + 135).toString(), 8);
        const next = tar.subarray(off + 512, off + 512 + nextSize);
        expect(sha1).toBe(createHash('sha1').update(next).digest('hex'));
        seen.push(tar.subarray(off, off + 100).toString().replace(/\0.*$/s, ''));
      } else if (type === '0') {
        expect(seen).toContain(name);
      }
    }
    expect(seen).toEqual(['usr/bin/hello-forge']);
    const listing = await runOk('tar', ['-tzf', file]);
    expect(listing.split('\n').filter(Boolean)).toEqual(['.PKGINFO', 'usr/', 'usr/bin/', 'usr/bin/hello-forge']);
    const extracted = mkdtempSync(join(tmpdir(), 'df-apk-'));
    cleanup.push(extracted);
    await runOk('tar', ['-xzf', file, '-C', extracted]);
    expect(await runOk(join(extracted, 'usr/bin/hello-forge'), [])).toContain('(linux-x64-musl)');

    // A re-run finds the same bytes on the branch and writes nothing.
    const tip = await repo.tip();
    const again = await runSpoke(linuxPackagesPlatform, ctxFor(repo.httpUrl, { formats: ['apk'], depends: { apk: ['ca-certificates'] } }));
    expect(again.status, again.detail).toBe('skipped');
    expect(await repo.tip()).toBe(tip);
  }, 120_000);

  it('without LINUX_REPO_GPG_KEY the release key (release.gpg-key) signs; with neither, nothing is pushed and the error names the secret', async () => {
    const repo = await createBareRepo(services, 'packages');
    repos.push(repo);
    const withoutKey = (env: Record<string, string>, releaseKey?: string): PlatformContext => {
      const base = fx.context({ env: { LINUX_REPO_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN, ...env } });
      const block = { ...base.config.platforms['linux-packages']!, repository: repo.httpUrl, formats: ['deb' as const] };
      const release = { ...base.config.release!, ...(releaseKey ? { 'gpg-key': releaseKey } : {}) };
      return { ...base, config: { ...base.config, release, platforms: { ...base.config.platforms, 'linux-packages': block } } };
    };
    const refused = await runSpoke(linuxPackagesPlatform, withoutKey({}));
    expect(refused.status).toBe('failed');
    expect(refused.detail).toContain('LINUX_REPO_GPG_KEY is not set');
    expect(await repo.tip()).toBeUndefined();

    const signed = await runSpoke(linuxPackagesPlatform, withoutKey({ RELEASE_GPG_KEY: armoredKey }, 'RELEASE_GPG_KEY'));
    expect(signed.status, signed.detail).toBe('published');
    expect(await repo.show('key.asc')).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    expect(await repo.show('deb/dists/stable/InRelease')).toContain('BEGIN PGP SIGNED MESSAGE');
  }, 120_000);

  it('a real gcc-built binary: lintian finds no error and no undeclared libc, dpkg and rpm see the libc dependency', async () => {
    requireClient('gcc', 'gcc');
    requireClient('lintian', 'lintian');
    const dir = mkdtempSync(join(tmpdir(), 'df-elf-'));
    cleanup.push(dir);
    writeFileSync(join(dir, 'h.c'), '#include <stdio.h>\nint main(void){puts("hello-forge 1.0.0");return 0;}\n');
    await runOk('gcc', ['-O2', '-s', '-o', join(dir, 'hello-forge'), join(dir, 'h.c')]);
    await runOk('tar', ['-czf', join(dir, 'release.tar.gz'), '-C', dir, 'hello-forge']);
    const ctx = ctxFor('file:///unused');
    const settings = packageSettings(ctx);
    const payload = await readPayload(join(dir, 'release.tar.gz'), 'release.tar.gz', settings);
    const deb = buildDeb(settings, 'amd64', payload);
    writeFileSync(join(dir, deb.fileName), deb.data);
    const rpm = await buildRpm(settings, 'x86_64', payload);
    writeFileSync(join(dir, rpm.fileName), rpm.data);

    expect((await runOk('dpkg-deb', ['-f', join(dir, deb.fileName), 'Depends'])).trim()).toMatch(/^libc6 \(>= 2\.\d+\)$/);
    expect(await runOk('rpm', ['-qp', '--requires', join(dir, rpm.fileName)])).toMatch(/^libc\.so\.6\(GLIBC_2\.\d+\)\(64bit\)$/m);
    const lint = await run('lintian', ['--allow-root', '--tag-display-limit', '0', join(dir, deb.fileName)], { timeoutMs: 120_000 });
    expect(lint.stdout, lint.stdout).not.toMatch(/^E: /m);
    expect(lint.stdout, lint.stdout).not.toContain('undeclared-elf-prerequisites');
    // The installed binary runs from a throwaway root.
    const root = mkdtempSync(join(tmpdir(), 'df-dpkg-'));
    cleanup.push(root);
    mkdirSync(join(root, 'var/lib/dpkg/info'), { recursive: true });
    writeFileSync(join(root, 'var/lib/dpkg/status'), '');
    await runOk('dpkg', ['--root', root, '--force-not-root', '--force-depends', '--log', join(root, 'dpkg.log'), '-i', join(dir, deb.fileName)]);
    expect(await runOk(join(root, 'usr/bin/hello-forge'), [])).toBe('hello-forge 1.0.0\n');
  }, 120_000);

  it('a run that stopped after the .deb completes with the .rpm only: the apt indexes are not rewritten or re-signed', async () => {
    const repo = await createBareRepo(services, 'packages');
    repos.push(repo);
    const debOnly = await runSpoke(linuxPackagesPlatform, ctxFor(repo.httpUrl, { formats: ['deb'] }));
    expect(debOnly.status, debOnly.detail).toBe('published');
    const inRelease = await repo.show('deb/dists/stable/InRelease');
    const both = ctxFor(repo.httpUrl, { formats: ['deb', 'rpm'] });
    const check = await linuxPackagesPlatform.check(both);
    expect(check.state).toBe('absent');
    expect(check.detail).toContain('hello-forge-1.0.0~rc.1-1.x86_64.rpm');
    expect(check.detail).not.toContain('.deb');
    const rest = await runSpoke(linuxPackagesPlatform, both);
    expect(rest.status, rest.detail).toBe('published');
    expect(rest.detail).not.toContain('.deb');
    expect(await repo.show('deb/dists/stable/InRelease')).toBe(inRelease);
    expect(await repo.files()).toContain('rpm/repodata/repomd.xml.asc');
    expect(await repo.commits()).toBe(2);
  }, 120_000);
});
