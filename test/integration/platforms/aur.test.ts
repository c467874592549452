import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import { aurPlatform } from '../../../packages/platforms/src/aur/index.js';
import { parseSrcinfo } from '../../../packages/platforms/src/aur/srcinfo.js';
import { publishSpoke } from '@deployforge/publish';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAurRpcFake, type AurRpcFake } from '../../fakes/aur-rpc/index.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { assertReachable, clientEnv, runOk, testServices, uniqueName } from '../../helpers/services.js';

// The AUR spoke against the aurweb-like sshd on 127.0.0.1:2222 (scripts/test-services), with real git
// and ssh: push, clone back, run the PKGBUILD's package() on the real archive, re-run, bad keys.
const services = testServices();
const reposDir = join(services.DEPLOYFORGE_TEST_SERVICES_DIR, 'aur', 'repos');
const golden = readFileSync(new URL('../../fixtures/aur/hello-aur.SRCINFO', import.meta.url), 'utf8');
const cloneEnv = clientEnv({ GIT_SSH_COMMAND: services.DEPLOYFORGE_TEST_AUR_GIT_SSH_COMMAND });

function config(project: string): string {
  return `
project:
  name: ${project}
  description: Says hello, for the AUR tests
  homepage: https://example.invalid/hello-aur
  license: MIT
  repository: acme/${project}
  maintainer: Acme <dev@acme.test>
build:
  binary: hello-aur
  targets: [linux-x64, linux-arm64, windows-x64]
platforms:
  aur:
    remote: ssh://${services.DEPLOYFORGE_TEST_SSH_USER}@${services.DEPLOYFORGE_TEST_SSH_HOST}:${services.DEPLOYFORGE_TEST_SSH_PORT}/${project}-bin.git
`;
}

describe('aur spoke against the local aurweb-like sshd', () => {
  const key = readFileSync(services.DEPLOYFORGE_TEST_SSH_KEY, 'utf8');
  const knownHosts = readFileSync(services.DEPLOYFORGE_TEST_SSH_KNOWN_HOSTS, 'utf8');
  let rpc: AurRpcFake;
  let work: string;
  const fixtures: ReleaseFixture[] = [];

  beforeAll(async () => {
    await assertReachable('sshd (AUR emulation)', `${services.DEPLOYFORGE_TEST_SSH_HOST}:${services.DEPLOYFORGE_TEST_SSH_PORT}`);
    rpc = await startAurRpcFake({ reposDir });
    work = mkdtempSync(join(tmpdir(), 'df-aur-it-'));
  });
  afterAll(async () => {
    await rpc?.close();
    for (const fx of fixtures) await fx.close();
    rmSync(work, { recursive: true, force: true });
  });

  const release = async (project: string, version = '1.0.0'): Promise<ReleaseFixture> => {
    const fx = await createReleaseFixture(config(project), version);
    fixtures.push(fx);
    return fx;
  };
  const envFor = (sshKey = key): Record<string, string> => ({
    AUR_SSH_PRIVATE_KEY: sshKey,
    DEPLOYFORGE_AUR_KNOWN_HOSTS: knownHosts,
    DEPLOYFORGE_AUR_RPC_URL: rpc.url,
  });
  const publish = async (
    fx: ReleaseFixture,
    options: { env?: Record<string, string>; dryRun?: boolean; force?: boolean; description?: string } = {},
  ) => {
    const log = createMemoryLogger();
    const env = options.env ?? envFor();
    const base = fx.context({ env, log, ...(options.dryRun ? { dryRun: true } : {}), ...(options.force ? { force: true } : {}) });
    // Same release, other package metadata: what a config edit between two runs looks like.
    const ctx = options.description
      ? { ...base, config: { ...base.config, project: { ...base.config.project, description: options.description } } }
      : base;
    const outcome = await publishSpoke({ key: 'aur', platform: aurPlatform, ctx, redact: createRedactor([env.AUR_SSH_PRIVATE_KEY]) });
    return { outcome, log };
  };
  const commits = async (pkg: string): Promise<number> =>
    Number((await runOk('git', ['-c', 'safe.directory=*', '--git-dir', join(reposDir, `${pkg}.git`), 'rev-list', '--count', 'master'])).trim());
  const cloneBack = async (pkg: string): Promise<string> => {
    const dir = join(work, uniqueName('clone'));
    const remote = `ssh://${services.DEPLOYFORGE_TEST_SSH_USER}@${services.DEPLOYFORGE_TEST_SSH_HOST}:${services.DEPLOYFORGE_TEST_SSH_PORT}/${pkg}.git`;
    await runOk('git', ['clone', '-q', remote, dir], { env: cloneEnv });
    return dir;
  };
  /** The golden file has placeholders for what changes per run: the package name and the fake's port. */
  const normalise = (srcinfo: string, project: string): string =>
    srcinfo.replaceAll(project, 'PROJECT').replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://127.0.0.1:PORT');

  it('pushes PKGBUILD + .SRCINFO; the clone matches the golden .SRCINFO field for field and package() installs a working binary', async () => {
    const project = uniqueName('hello-aur');
    const pkg = `${project}-bin`;
    const fx = await release(project);
    const { outcome } = await publish(fx);
    expect(outcome.status, outcome.detail).toBe('published');
    expect(outcome.detail).toContain(`${pkg} 1.0.0-1`);

    const clone = await cloneBack(pkg);
    const srcinfo = readFileSync(join(clone, '.SRCINFO'), 'utf8');
    expect(parseSrcinfo(normalise(srcinfo, project))).toEqual(parseSrcinfo(golden));
    expect(normalise(srcinfo, project)).toBe(golden);

    // bash parses the PKGBUILD and sees the same values as .SRCINFO.
    const pkgbuild = join(clone, 'PKGBUILD');
    const vars = await runOk('bash', ['-c', 'set -eu; source "$1"; printf "%s\\n" "$pkgname" "$pkgver" "$pkgrel" "${arch[*]}" "${sha256sums_x86_64[0]}" "${source_aarch64[0]}"', 'bash', pkgbuild]);
    const linuxX64 = fx.assets.find((a) => a.target === 'linux-x64');
    const linuxArm = fx.assets.find((a) => a.target === 'linux-arm64');
    expect(vars.trim().split('\n')).toEqual([pkg, '1.0.0', '1', 'x86_64 aarch64', linuxX64?.sha256, `${project}-1.0.0-aarch64.tar.gz::${linuxArm?.url}`]);

    // What makepkg does after downloading: extract the archive into $srcdir and run package().
    const srcdir = join(work, uniqueName('src'));
    const pkgdir = join(work, uniqueName('pkg'));
    mkdirSync(srcdir);
    const archive = await fx.context().fetchAsset(linuxX64!);
    await runOk('tar', ['-xzf', archive, '-C', srcdir]);
    await runOk('bash', ['-c', 'set -eu; source "$1"; srcdir="$2"; pkgdir="$3"; package', 'bash', pkgbuild, srcdir, pkgdir]);
    expect((await runOk(join(pkgdir, 'usr', 'bin', 'hello-aur'), [])).trim()).toBe('hello-aur 1.0.0 (linux-x64)');

    // Second run: the RPC reports 1.0.0-1, the repository matches: identical, nothing pushed.
    const before = await commits(pkg);
    const again = await publish(fx);
    expect(again.outcome.status, again.outcome.detail).toBe('skipped');
    expect(again.outcome.existence?.state).toBe('identical');
    expect(await commits(pkg)).toBe(before);
    expect(rpc.requests.some((r) => r.includes(encodeURIComponent(pkg)) || r.includes(pkg))).toBe(true);
    expect(await aurPlatform.status(fx.context({ env: envFor() }))).toMatchObject({ latest: '1.0.0', detail: `${pkg} 1.0.0-1` });
  });

  it('dry run renders and writes nothing', async () => {
    const project = uniqueName('hello-aur');
    const fx = await release(project);
    const { outcome } = await publish(fx, { dryRun: true });
    expect(outcome.status, outcome.detail).toBe('dry-run');
    expect(outcome.files).toEqual(['PKGBUILD', '.SRCINFO']);
    expect(existsSync(join(reposDir, `${project}-bin.git`))).toBe(false);
  });

  it('a new version resets pkgrel to 1; changed packaging of the same version is refused, then forced as pkgrel 2', async () => {
    const project = uniqueName('hello-aur');
    const pkg = `${project}-bin`;
    expect((await publish(await release(project, '1.0.0'))).outcome.status).toBe('published');

    const newer = await release(project, '1.1.0-rc.1');
    const next = await publish(newer);
    expect(next.outcome.status, next.outcome.detail).toBe('published');
    let srcinfo = readFileSync(join(await cloneBack(pkg), '.SRCINFO'), 'utf8');
    expect(srcinfo).toContain('\tpkgver = 1.1.0rc1\n\tpkgrel = 1\n');

    const reworded = { description: 'Says hello, now with a better description' };
    const refused = await publish(newer, reworded);
    expect(refused.outcome.status).toBe('failed');
    expect(refused.outcome.existence?.state).toBe('different');
    expect(refused.outcome.detail).toContain('pkgrel 2');
    const forced = await publish(newer, { ...reworded, force: true });
    expect(forced.outcome.status, forced.outcome.detail).toBe('published');
    srcinfo = readFileSync(join(await cloneBack(pkg), '.SRCINFO'), 'utf8');
    expect(srcinfo).toContain('\tpkgver = 1.1.0rc1\n\tpkgrel = 2\n');
    expect(srcinfo).toContain('now with a better description');
    expect(await commits(pkg)).toBe(3);
    // And the forced content is now the identical one.
    expect((await publish(newer, reworded)).outcome.status).toBe('skipped');
  });

  it('accepts a key pasted with CRLF line ends and stray blank lines', async () => {
    const project = uniqueName('hello-aur');
    const mangled = `\r\n${key.trim().replace(/\n/g, '\r\n')}\r\n\r\n\r\n`;
    const { outcome } = await publish(await release(project), { env: envFor(mangled) });
    expect(outcome.status, outcome.detail).toBe('published');
    expect(await commits(`${project}-bin`)).toBe(1);
  });

  it.each([
    ['not a key at all', (canary: string) => `hunter2-${canary}`],
    ['a key-shaped block of garbage', (canary: string) => `-----BEGIN OPENSSH PRIVATE KEY-----\n${Buffer.from(canary.repeat(4)).toString('base64')}\n-----END OPENSSH PRIVATE KEY-----\n`],
  ])('fails cleanly on %s and never echoes the key', async (_what, makeKey) => {
    const project = uniqueName('hello-aur');
    const canary = `CANARY${uniqueName('aurkey').replace(/-/g, '')}`;
    const bad = makeKey(canary);
    const { outcome, log } = await publish(await release(project), { env: envFor(bad) });
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/AUR_SSH_PRIVATE_KEY (?:is not a usable private key|does not look like a private key)/);
    const everything = JSON.stringify(outcome) + log.lines.join('\n');
    expect(everything).not.toContain(canary);
    expect(everything).not.toContain(Buffer.from(canary.repeat(4)).toString('base64').slice(0, 24));
    expect(existsSync(join(reposDir, `${project}-bin.git`))).toBe(false);
  });
});
