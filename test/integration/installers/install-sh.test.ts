// install.sh for real: rendered for a release served from 127.0.0.1, run with sh and dash in a clean
// HOME, with curl and with wget; the program it installs runs. A tampered or unlisted archive is
// refused and leaves nothing behind. shellcheck -s sh finds nothing.
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { installerFacts, renderInstallSh } from '@deployforge/hub';
import { hostTarget, type TargetId } from '@deployforge/targets';
import { parseVersionInput } from '@deployforge/version';
import { run } from '../../helpers/services.js';
import { startReleaseServer, writeRelease, type SeenRequest } from './release-server.js';

const TARGETS: TargetId[] = ['linux-x64', 'linux-arm64', 'linux-x64-musl', 'linux-arm64-musl', 'macos-x64', 'macos-arm64', 'windows-x64'];
const CONFIG = `
project: { name: hello-forge, repository: acme/hello-forge, license: MIT }
build: { binary: hello-forge, targets: [${TARGETS.join(', ')}] }
release: { installers: [sh, ps1] }
platforms: {}
`;
const RELEASE_PATH = '/acme/hello-forge/releases/download';
/** The commands install.sh calls, besides the downloader: a PATH of only these proves it needs no more. */
const TOOLS = ['sh', 'dash', 'uname', 'mktemp', 'rm', 'printenv', 'awk', 'cut', 'sha256sum', 'tar', 'gzip', 'mkdir', 'cp', 'chmod', 'mv', 'grep', 'ldd', 'cat'];

let work: string;
let server: Awaited<ReturnType<typeof startReleaseServer>>;
let script: string;
const host = hostTarget() as TargetId;

function render(baseServer: string, version = '1.0.0'): string {
  const loaded = parseConfig(CONFIG, 'deployforge.yml');
  const resolved = parseVersionInput(version, { tagPrefix: 'v', origin: 'test' });
  return renderInstallSh(installerFacts(loaded.config, resolved, { serverUrl: baseServer, owner: 'acme', repo: 'hello-forge' }));
}

/** A bin folder with links to TOOLS plus `extra` (curl, wget or neither), for a PATH of exactly those. */
async function toolbox(name: string, extra: string[]): Promise<string> {
  const dir = join(work, `tools-${name}`);
  mkdirSync(dir);
  for (const tool of [...TOOLS, ...extra]) {
    const found = await run('sh', ['-c', `command -v ${tool}`]);
    if (found.code === 0) symlinkSync(found.stdout.trim(), join(dir, tool));
  }
  return dir;
}

/** A clean HOME and a minimal environment: nothing of this process leaks into the installer. */
function cleanEnv(extra: Record<string, string> = {}): { env: NodeJS.ProcessEnv; home: string } {
  const home = mkdtempSync(join(work, 'home-'));
  return { home, env: { HOME: home, PATH: '/usr/bin:/bin', LANG: 'C', ...extra } };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'df-install-sh-'));
  const root = join(work, 'www');
  await writeRelease(join(root, RELEASE_PATH, 'v1.0.0'), 'hello-forge', 'hello-forge', '1.0.0', TARGETS, work);
  await writeRelease(join(root, RELEASE_PATH, 'v0.9.0'), 'hello-forge', 'hello-forge', '0.9.0', TARGETS, work);
  server = await startReleaseServer(root);
  script = join(work, 'install.sh');
  writeFileSync(script, render(server.url), { mode: 0o755 });
  // The same release, mirrored elsewhere on the server: --base-url and the variable point here.
  await writeRelease(join(root, 'mirror', 'v1.0.0'), 'hello-forge', 'hello-forge', '1.0.0', TARGETS, work);
});
afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function requestsSince(n: number): SeenRequest[] {
  return server.requests.slice(n);
}

describe('install.sh', () => {
  it('is shellcheck -s sh clean', async () => {
    const installed = await run('sh', ['-c', 'command -v shellcheck']);
    expect(installed.code, 'shellcheck is not installed: `bash scripts/test-services up` installs it (Debian package shellcheck)').toBe(0);
    const result = await run('shellcheck', ['-s', 'sh', script]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it.each(['sh', 'dash', 'bash'])('%s: installs the archive for this machine into ~/.local/bin of a clean HOME, checked against SHA256SUMS, and the program runs', async (shell) => {
    const { env, home } = cleanEnv();
    const seen = server.requests.length;
    const result = await run(shell, [script], { env });
    expect(result.code, result.stderr).toBe(0);
    const installed = join(home, '.local/bin/hello-forge');
    expect(result.stdout).toContain(`installed hello-forge 1.0.0 (${host}) as ${installed}`);
    expect(result.stdout).toMatch(/verified sha256 [0-9a-f]{64}/);
    expect(result.stdout).toContain('is not on your PATH');
    const ran = await run(installed, []);
    expect(ran.stdout.trim()).toBe(`hello-forge 1.0.0 ${host}`);
    expect(requestsSince(seen).map((r) => r.path)).toEqual([`${RELEASE_PATH}/v1.0.0/SHA256SUMS`, `${RELEASE_PATH}/v1.0.0/hello-forge-1.0.0-${host}.tar.gz`]);
  });

  it('--version pins another release, --to another folder; piped into dash -s it works the same', async () => {
    const { env } = cleanEnv();
    const to = join(work, 'pinned-bin');
    const result = await run('sh', ['-c', `cat "${script}" | dash -s -- --version v0.9.0 --to "${to}"`], { env });
    expect(result.code, result.stderr).toBe(0);
    expect((await run(join(to, 'hello-forge'), [])).stdout.trim()).toBe(`hello-forge 0.9.0 ${host}`);
  });

  it.each([
    ['curl', /^curl\//],
    ['wget', /^Wget\//],
  ])('downloads with %s alone', async (tool, agent) => {
    const bin = await toolbox(tool, [tool]);
    const { env, home } = cleanEnv({ PATH: bin });
    const seen = server.requests.length;
    const result = await run(join(bin, 'dash'), [script], { env });
    expect(result.code, result.stderr).toBe(0);
    expect((await run(join(home, '.local/bin/hello-forge'), [])).stdout).toContain('hello-forge 1.0.0');
    const agents = requestsSince(seen).map((r) => r.agent);
    expect(agents).toHaveLength(2);
    for (const a of agents) expect(a).toMatch(agent);
  });

  it('BusyBox alone (as on Alpine): its sh, wget, tar, sha256sum and awk, nothing else on the PATH', async () => {
    const busybox = await run('sh', ['-c', 'command -v busybox']);
    expect(busybox.code, 'busybox is not installed: `bash scripts/test-services up` installs it (Debian package busybox)').toBe(0);
    const bin = join(work, 'tools-busybox');
    mkdirSync(bin);
    const applets = ['sh', 'wget', 'tar', 'gzip', 'sha256sum', 'awk', 'cut', 'mktemp', 'uname', 'grep', 'cat', 'chmod', 'cp', 'mv', 'mkdir', 'rm'];
    for (const applet of applets) symlinkSync(busybox.stdout.trim(), join(bin, applet));
    const { env, home } = cleanEnv({ PATH: bin });
    const seen = server.requests.length;
    const result = await run(join(bin, 'sh'), [script], { env });
    expect(result.code, result.stderr).toBe(0);
    expect((await run(join(home, '.local/bin/hello-forge'), [])).stdout).toContain(`hello-forge 1.0.0 ${host}`);
    for (const r of requestsSince(seen)) expect(r.agent).toMatch(/^Wget/);
  });

  it('says what to install when neither curl nor wget is there', async () => {
    const bin = await toolbox('none', []);
    const { env } = cleanEnv({ PATH: bin });
    const result = await run(join(bin, 'dash'), [script], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('neither curl nor wget is installed');
  });

  it('a mirror: --base-url and HELLO_FORGE_INSTALL_BASE_URL both send every download there', async () => {
    for (const how of ['flag', 'variable'] as const) {
      const mirror = `${server.url}/mirror/`;
      const { env, home } = cleanEnv(how === 'variable' ? { HELLO_FORGE_INSTALL_BASE_URL: mirror } : {});
      const seen = server.requests.length;
      const result = await run('dash', how === 'flag' ? [script, '--base-url', mirror] : [script], { env });
      expect(result.code, result.stderr).toBe(0);
      expect(existsSync(join(home, '.local/bin/hello-forge'))).toBe(true);
      expect(requestsSince(seen).map((r) => r.path)).toEqual(['/mirror/v1.0.0/SHA256SUMS', `/mirror/v1.0.0/hello-forge-1.0.0-${host}.tar.gz`]);
    }
  });

  it('--target installs the named archive (the static musl build on a glibc machine)', async () => {
    const { env, home } = cleanEnv();
    const result = await run('dash', [script, '--target', 'linux-x64-musl'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect((await run(join(home, '.local/bin/hello-forge'), [])).stdout.trim()).toBe('hello-forge 1.0.0 linux-x64-musl');
  });

  it.each([
    [['--target', 'windows-x64'], '--target: this release has no windows-x64'],
    [['--version', '1.0.0;rm'], "--version: expected a version such as 1.0.0, got '1.0.0;rm'"],
    [['--base-url', 'ftp://x'], '--base-url: expected an http(s) URL'],
    [['--frobnicate'], 'unknown option --frobnicate'],
    [['--to'], '--to needs a value'],
    [['--version', '7.7.7'], 'could not download'],
  ])('refuses %j: %s', async (args, message) => {
    const { env, home } = cleanEnv();
    const result = await run('dash', [script, ...args], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(existsSync(join(home, '.local/bin'))).toBe(false);
  });

  it('the mirror variable is read as text, never run', async () => {
    const marker = join(work, 'ran');
    const { env, home } = cleanEnv({ HELLO_FORGE_INSTALL_BASE_URL: `$(touch ${marker}) \`touch ${marker}\`; touch ${marker}` });
    const result = await run('dash', [script], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--base-url: expected an http(s) URL');
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(join(home, '.local'))).toBe(false);
  });

  it('--help says how to use it and installs nothing', async () => {
    const { env, home } = cleanEnv();
    const result = await run('dash', [script, '--help'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: install.sh [--version VERSION] [--to DIR]');
    expect(result.stdout).toContain('HELLO_FORGE_INSTALL_BASE_URL');
    expect(existsSync(join(home, '.local'))).toBe(false);
  });
});

describe('install.sh against a tampered release', () => {
  let root: string;
  let tampered: Awaited<ReturnType<typeof startReleaseServer>>;
  let archives: Map<TargetId, string>;
  beforeAll(async () => {
    root = join(work, 'tampered');
    archives = await writeRelease(join(root, RELEASE_PATH, 'v1.0.0'), 'hello-forge', 'hello-forge', '1.0.0', TARGETS, mkdtempSync(join(work, 'progs-')));
    tampered = await startReleaseServer(root);
  });
  afterAll(async () => tampered?.close());

  it('refuses an archive whose sha256 differs from SHA256SUMS: exit 1, the installed program untouched', async () => {
    const tamperedScript = join(work, 'install-tampered.sh');
    writeFileSync(tamperedScript, render(tampered.url));
    const { env, home } = cleanEnv();
    // A good install first, so "untouched" means something.
    expect((await run('dash', [tamperedScript], { env })).code).toBe(0);
    const installed = join(home, '.local/bin/hello-forge');
    const before = readFileSync(installed);

    const path = archives.get(host)!;
    const bytes = readFileSync(path);
    const at = bytes.length - 20;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
    writeFileSync(path, bytes);
    for (const shell of ['sh', 'dash']) {
      const result = await run(shell, [tamperedScript], { env });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`hello-forge-1\\.0\\.0-${host}\\.tar\\.gz: sha256 is [0-9a-f]{64} but SHA256SUMS says [0-9a-f]{64}: refusing to install it`));
      expect(result.stdout).not.toContain('installed');
      expect(readFileSync(installed).equals(before)).toBe(true);
    }
  });

  it('refuses an archive SHA256SUMS does not list', async () => {
    const sums = join(root, RELEASE_PATH, 'v1.0.0', 'SHA256SUMS');
    const name = `hello-forge-1.0.0-${host}.tar.gz`;
    writeFileSync(sums, readFileSync(sums, 'utf8').split('\n').filter((l) => !l.endsWith(`  ${name}`)).join('\n'));
    const { env, home } = cleanEnv();
    const result = await run('dash', [join(work, 'install-tampered.sh')], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`SHA256SUMS of v1.0.0 does not list ${name}: refusing to install it`);
    expect(existsSync(join(home, '.local/bin'))).toBe(false);
  });
});
