// release.linux-packages: the hub builds .deb/.rpm/.apk from the Linux archives and uploads them with
// the release, listed in SHA256SUMS; the sign-job path (prepareRelease) writes the same bytes; a
// re-run writes nothing. The uploaded files are read back with the real clients (dpkg-deb, dpkg,
// rpm, lintian, rpmlint; the .apk by its structure, as Debian has no apk-tools).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createArchive } from '@deployforge/archive';
import { parseConfig } from '@deployforge/config';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { createGitHubClient, parseSha256Sums, sha256File } from '@deployforge/github';
import { checkArtifactNames, prepareRelease, runHub } from '@deployforge/hub';
import { archiveName, type TargetId } from '@deployforge/targets';
import { parseVersionInput } from '@deployforge/version';
import { startGitHubFake, type GitHubFake } from '../../fakes/github/index.js';
import { requireClient } from '../../helpers/real-clients.js';
import { run, runOk } from '../../helpers/services.js';
import { writeRelease } from '../installers/release-server.js';

const TOKEN = 'ghs_linux_packages_token_0123456789abcdef';
const TARGETS: TargetId[] = ['linux-x64', 'linux-arm64', 'linux-x64-musl', 'macos-arm64'];
const config = (kinds: string) => `
project: { name: demo, repository: acme/demo, maintainer: Acme <dev@acme.test>, license: MIT, description: A demo tool }
build: { binary: demo, targets: [${TARGETS.join(', ')}] }
release: { linux-packages: ${kinds}, sbom: false, notes: none }
platforms: {}
`;
const version = parseVersionInput('1.0.0-rc.1', { tagPrefix: 'v', origin: 'test' });
const PACKAGES = ['demo_1.0.0-rc.1_aarch64.rpm', 'demo_1.0.0-rc.1_amd64.deb', 'demo_1.0.0-rc.1_arm64.deb', 'demo_1.0.0-rc.1_x86_64.apk', 'demo_1.0.0-rc.1_x86_64.rpm'];

let gh: GitHubFake;
let dir: string;
beforeEach(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/demo'] });
  dir = mkdtempSync(join(tmpdir(), 'df-hub-packages-'));
});
afterEach(async () => {
  expect(gh.violations()).toEqual([]);
  await gh.close();
  rmSync(dir, { recursive: true, force: true });
});

async function archives(): Promise<string> {
  const out = join(dir, 'artifacts');
  await writeRelease(out, 'demo', 'demo', '1.0.0-rc.1', TARGETS, mkdtempSync(join(dir, 'progs-')));
  rmSync(join(out, 'SHA256SUMS'));
  return out;
}

function hubOptions(yaml: string, artifacts: string) {
  const log = createMemoryLogger();
  const client = createGitHubClient({ token: TOKEN, baseUrl: gh.url, log, writeIntervalMs: 0, retryBaseMs: 1 });
  return { loaded: parseConfig(yaml, 'deployforge.yml'), version, artifacts, cwd: dir, env: { GITHUB_REPOSITORY: 'acme/demo' }, token: TOKEN, log, force: false, dryRun: false, client };
}

describe('release.linux-packages', () => {
  test('release job alone: the packages are uploaded and listed in SHA256SUMS, dpkg-deb and rpm read them, a re-run writes nothing', async () => {
    requireClient('dpkg-deb', 'dpkg');
    requireClient('rpm', 'rpm');
    const yaml = config('[deb, rpm, apk]');
    const hub = hubOptions(yaml, await archives());
    expect((await runHub(hub)).published).toBe(true);
    const release = gh.state.repo('acme/demo')!.releases[0]!;
    const assets = release.assets.map((a) => a.name).filter((n) => /\.(deb|rpm|apk)$/.test(n)).sort();
    expect(assets).toEqual(PACKAGES);
    const file = (name: string) => release.assets.find((a) => a.name === name)!.filePath!;
    const sums = parseSha256Sums(readFileSync(file('SHA256SUMS'), 'utf8'));
    for (const name of PACKAGES) expect(sums.find((e) => e.name === name)?.sha256, name).toBe(await sha256File(file(name)));

    const deb = await runOk('dpkg-deb', ['--info', file('demo_1.0.0-rc.1_amd64.deb')]);
    expect(deb).toMatch(/Package: demo\n/);
    expect(deb).toContain('Version: 1.0.0~rc.1-1');
    expect(deb).toContain('Maintainer: Acme <dev@acme.test>');
    expect((await runOk('dpkg-deb', ['--contents', file('demo_1.0.0-rc.1_amd64.deb')]))).toContain('./usr/bin/demo');
    const rpm = await runOk('rpm', ['-qp', '--qf', '%{NAME} %{VERSION} %{RELEASE} %{ARCH}\n', file('demo_1.0.0-rc.1_x86_64.rpm')]);
    expect(rpm.trim()).toBe('demo 1.0.0~rc.1 1 x86_64');
    expect((await runOk('rpm', ['-qlp', file('demo_1.0.0-rc.1_x86_64.rpm')]))).toContain('/usr/bin/demo');

    const writes = gh.writeCount();
    expect((await runHub(hubOptions(yaml, hub.artifacts))).writes).toBe(0);
    expect(gh.writeCount()).toBe(writes);
  }, 120_000);

  test('the release assets pass lintian (no errors) and rpmlint (no errors but an unsigned package and a script for a binary)', async () => {
    requireClient('lintian', 'lintian');
    requireClient('rpmlint', 'rpmlint');
    const hub = hubOptions(config('[deb, rpm]'), await archives());
    expect((await runHub(hub)).published).toBe(true);
    const release = gh.state.repo('acme/demo')!.releases[0]!;
    const file = (name: string) => release.assets.find((a) => a.name === name)!.filePath!;
    // lintian judges a file by its Debian name: give it one.
    const deb = join(dir, 'demo_1.0.0~rc.1-1_amd64.deb');
    writeFileSync(deb, readFileSync(file('demo_1.0.0-rc.1_amd64.deb')));
    const lint = await run('lintian', ['--allow-root', '--tag-display-limit', '0', deb], { timeoutMs: 120_000 });
    expect(lint.stdout, lint.stdout + lint.stderr).not.toMatch(/^E: /m);
    const rpmlint = await run('rpmlint', [file('demo_1.0.0-rc.1_x86_64.rpm')], { timeoutMs: 120_000 });
    // no-signature: the release's SHA256SUMS signature vouches for it; no-binary: the stand-in binary is a script.
    const errors = rpmlint.stdout.split('\n').filter((l) => / E: /.test(l) && !/ E: (no-signature|no-binary)\b/.test(l));
    expect(errors, rpmlint.stdout).toEqual([]);
  }, 240_000);

  test('.apk (no apk-tools in Debian bookworm, so checked by structure): control and data gzip members, .PKGINFO fields, datahash, per-file SHA-1, readable by GNU tar', async () => {
    const hub = hubOptions(config('[apk]'), await archives());
    expect((await runHub(hub)).published).toBe(true);
    const release = gh.state.repo('acme/demo')!.releases[0]!;
    // apk takes the musl builds only: linux-x64-musl is in the release, arm64 has only gnu.
    expect(release.assets.map((a) => a.name).filter((n) => n.endsWith('.apk'))).toEqual(['demo_1.0.0-rc.1_x86_64.apk']);
    const file = release.assets.find((a) => a.name === 'demo_1.0.0-rc.1_x86_64.apk')!.filePath!;
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
    expect(fields).toMatchObject({ pkgname: 'demo', pkgver: '1.0.0_rc1-r0', arch: 'x86_64', license: 'MIT', origin: 'demo', packager: 'Acme <dev@acme.test>', builddate: '946684800' });
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
    expect(seen).toEqual(['usr/bin/demo']);
    const listing = await runOk('tar', ['-tzf', file]);
    expect(listing.split('\n').filter(Boolean)).toEqual(['.PKGINFO', 'usr/', 'usr/bin/', 'usr/bin/demo']);
    const extracted = mkdtempSync(join(dir, 'apk-'));
    await runOk('tar', ['-xzf', file, '-C', extracted]);
    expect(await runOk(join(extracted, 'usr/bin/demo'), [])).toContain('linux-x64-musl');
  });

  test('a real gcc-built binary: lintian finds no error and no undeclared libc, dpkg and rpm see the libc dependency, the installed binary runs', async () => {
    requireClient('gcc', 'gcc');
    requireClient('lintian', 'lintian');
    requireClient('rpm', 'rpm');
    const work = mkdtempSync(join(dir, 'elf-'));
    writeFileSync(join(work, 'h.c'), '#include <stdio.h>\nint main(void){puts("demo 1.0.0-rc.1");return 0;}\n');
    await runOk('gcc', ['-O2', '-s', '-o', join(work, 'demo'), join(work, 'h.c')]);
    const artifacts = join(dir, 'artifacts');
    await createArchive('tar.gz', [{ source: join(work, 'demo'), name: 'demo', mode: 0o755 }], join(artifacts, archiveName('demo', '1.0.0-rc.1', 'linux-x64')));
    const yaml = config('[deb, rpm]').replace(`targets: [${TARGETS.join(', ')}]`, 'targets: [linux-x64]');
    expect((await runHub(hubOptions(yaml, artifacts))).published).toBe(true);
    const release = gh.state.repo('acme/demo')!.releases[0]!;
    const file = (name: string) => release.assets.find((a) => a.name === name)!.filePath!;
    // lintian judges a file by its Debian name: give it one.
    const deb = join(work, 'demo_1.0.0~rc.1-1_amd64.deb');
    writeFileSync(deb, readFileSync(file('demo_1.0.0-rc.1_amd64.deb')));

    expect((await runOk('dpkg-deb', ['-f', deb, 'Depends'])).trim()).toMatch(/^libc6 \(>= 2\.\d+\)$/);
    expect(await runOk('rpm', ['-qp', '--requires', file('demo_1.0.0-rc.1_x86_64.rpm')])).toMatch(/^libc\.so\.6\(GLIBC_2\.\d+\)\(64bit\)$/m);
    const lint = await run('lintian', ['--allow-root', '--tag-display-limit', '0', deb], { timeoutMs: 120_000 });
    expect(lint.stdout, lint.stdout + lint.stderr).not.toMatch(/^E: /m);
    expect(lint.stdout, lint.stdout).not.toContain('undeclared-elf-prerequisites');
    // Installed into a throwaway root, as dpkg -i would, the binary runs from there.
    const root = mkdtempSync(join(dir, 'dpkg-'));
    mkdirSync(join(root, 'var/lib/dpkg/info'), { recursive: true });
    writeFileSync(join(root, 'var/lib/dpkg/status'), '');
    await runOk('dpkg', ['--root', root, '--force-not-root', '--force-depends', '--log', join(root, 'dpkg.log'), '-i', deb]);
    expect(await runOk(join(root, 'usr/bin/demo'), [])).toBe('demo 1.0.0-rc.1\n');
  }, 240_000);

  test('sign job first: prepare-release writes the same packages beside SHA256SUMS, the release job uploads them, a re-run of both writes nothing', async () => {
    const artifacts = await archives();
    const out = join(dir, 'signed');
    const yaml = config('[deb, rpm, apk]');
    const loaded = parseConfig(yaml, 'deployforge.yml');
    const prepared = await prepareRelease({ loaded, version, artifacts, outDir: out, cwd: dir, env: { GITHUB_REPOSITORY: 'acme/demo' }, log: createMemoryLogger(), dryRun: false });
    expect(prepared.files.map((f) => basename(f)).sort()).toEqual(['SHA256SUMS', ...PACKAGES].sort());
    expect(parseSha256Sums(readFileSync(prepared.checksums, 'utf8')).map((e) => e.name)).toEqual(expect.arrayContaining(PACKAGES));
    const first = readFileSync(join(out, 'demo_1.0.0-rc.1_amd64.deb'));
    expect((await runHub(hubOptions(yaml, `${artifacts}\n${out}`))).published).toBe(true);
    const release = gh.state.repo('acme/demo')!.releases[0]!;
    expect(readFileSync(release.assets.find((a) => a.name === 'demo_1.0.0-rc.1_amd64.deb')!.filePath!).equals(first)).toBe(true);

    const writes = gh.writeCount();
    await prepareRelease({ loaded, version, artifacts, outDir: out, cwd: dir, env: { GITHUB_REPOSITORY: 'acme/demo' }, log: createMemoryLogger(), dryRun: false });
    expect(readFileSync(join(out, 'demo_1.0.0-rc.1_amd64.deb')).equals(first)).toBe(true);
    expect((await runHub(hubOptions(yaml, `${artifacts}\n${out}`))).writes).toBe(0);
    expect(gh.writeCount()).toBe(writes);
  });

  test('a .deb among the artifacts is a stray file unless release.linux-packages lists deb', async () => {
    const artifacts = await archives();
    writeFileSync(join(artifacts, 'demo_1.0.0-rc.1_amd64.deb'), 'x');
    const path = join(artifacts, 'demo_1.0.0-rc.1_amd64.deb');
    expect(checkArtifactNames([path], parseConfig(config('[deb]'), 'deployforge.yml'), version).unexpected).toEqual([]);
    expect(checkArtifactNames([path], parseConfig(config('[rpm]'), 'deployforge.yml'), version).unexpected).toEqual([path]);
  });

  test('validate: no maintainer, or apk without a musl build, is a config error at file:line:col naming the key', () => {
    const refused = (yaml: string) => {
      try {
        parseConfig(yaml, 'deployforge.yml');
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused(config('[deb]').replace(', maintainer: Acme <dev@acme.test>', ''))).toMatch(/deployforge\.yml:4:\d+.*release\.linux-packages.*project\.maintainer/s);
    expect(refused(config('[deb, apk]').replace(', linux-x64-musl', ''))).toMatch(/deployforge\.yml:4:\d+.*release\.linux-packages\[1\].*musl/s);
  });
});
