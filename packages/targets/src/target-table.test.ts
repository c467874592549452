import { describe, expect, test } from 'vitest';
import { TARGET_IDS, type TargetId } from './target-ids.js';
import type { TargetInfo } from './target-info.js';
import { TARGETS } from './target-table.js';

// Written out by hand, independently of the table, so a slip in either one fails here.
const expected: Record<TargetId, Omit<TargetInfo, 'id'>> = {
  'linux-x64': {
    os: 'linux', arch: 'x64', libc: 'gnu', runner: 'ubuntu-latest', rustTriple: 'x86_64-unknown-linux-gnu',
    goos: 'linux', goarch: 'amd64', npm: { os: 'linux', cpu: 'x64', libc: 'glibc' },
    pypi: { platformTag: 'manylinux_2_17_x86_64' }, oci: { os: 'linux', architecture: 'amd64' },
    homebrew: { os: 'on_linux', cpu: 'on_intel' }, aur: 'x86_64', snap: 'amd64', nix: 'x86_64-linux',
    archive: 'tar.gz', exeSuffix: '',
  },
  'linux-arm64': {
    os: 'linux', arch: 'arm64', libc: 'gnu', runner: 'ubuntu-24.04-arm', rustTriple: 'aarch64-unknown-linux-gnu',
    goos: 'linux', goarch: 'arm64', npm: { os: 'linux', cpu: 'arm64', libc: 'glibc' },
    pypi: { platformTag: 'manylinux_2_17_aarch64' }, oci: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    homebrew: { os: 'on_linux', cpu: 'on_arm' }, aur: 'aarch64', snap: 'arm64', nix: 'aarch64-linux',
    archive: 'tar.gz', exeSuffix: '',
  },
  'linux-x64-musl': {
    os: 'linux', arch: 'x64', libc: 'musl', runner: 'ubuntu-latest', rustTriple: 'x86_64-unknown-linux-musl',
    goos: 'linux', goarch: 'amd64', npm: { os: 'linux', cpu: 'x64', libc: 'musl' },
    pypi: { platformTag: 'musllinux_1_2_x86_64' }, oci: { os: 'linux', architecture: 'amd64' },
    homebrew: { os: 'on_linux', cpu: 'on_intel' }, aur: 'x86_64', snap: 'amd64', nix: 'x86_64-linux',
    archive: 'tar.gz', exeSuffix: '',
  },
  'linux-arm64-musl': {
    os: 'linux', arch: 'arm64', libc: 'musl', runner: 'ubuntu-24.04-arm', rustTriple: 'aarch64-unknown-linux-musl',
    goos: 'linux', goarch: 'arm64', npm: { os: 'linux', cpu: 'arm64', libc: 'musl' },
    pypi: { platformTag: 'musllinux_1_2_aarch64' }, oci: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    homebrew: { os: 'on_linux', cpu: 'on_arm' }, aur: 'aarch64', snap: 'arm64', nix: 'aarch64-linux',
    archive: 'tar.gz', exeSuffix: '',
  },
  'macos-x64': {
    os: 'macos', arch: 'x64', runner: 'macos-15-intel', rustTriple: 'x86_64-apple-darwin',
    goos: 'darwin', goarch: 'amd64', npm: { os: 'darwin', cpu: 'x64' },
    pypi: { platformTag: 'macosx_10_12_x86_64' }, homebrew: { os: 'on_macos', cpu: 'on_intel' },
    nix: 'x86_64-darwin', archive: 'tar.gz', exeSuffix: '',
  },
  'macos-arm64': {
    os: 'macos', arch: 'arm64', runner: 'macos-15', rustTriple: 'aarch64-apple-darwin',
    goos: 'darwin', goarch: 'arm64', npm: { os: 'darwin', cpu: 'arm64' },
    pypi: { platformTag: 'macosx_11_0_arm64' }, homebrew: { os: 'on_macos', cpu: 'on_arm' },
    nix: 'aarch64-darwin', archive: 'tar.gz', exeSuffix: '',
  },
  'windows-x64': {
    os: 'windows', arch: 'x64', runner: 'windows-latest', rustTriple: 'x86_64-pc-windows-msvc',
    goos: 'windows', goarch: 'amd64', npm: { os: 'win32', cpu: 'x64' }, pypi: { platformTag: 'win_amd64' },
    scoop: '64bit', winget: 'x64', archive: 'zip', exeSuffix: '.exe',
  },
  'windows-arm64': {
    os: 'windows', arch: 'arm64', runner: 'windows-11-arm', rustTriple: 'aarch64-pc-windows-msvc',
    goos: 'windows', goarch: 'arm64', npm: { os: 'win32', cpu: 'arm64' }, pypi: { platformTag: 'win_arm64' },
    scoop: 'arm64', winget: 'arm64', archive: 'zip', exeSuffix: '.exe',
  },
};

const rows = TARGET_IDS.map((id) => [id, expected[id]] as const);

describe('TARGETS', () => {
  test('has exactly the canonical ids, keyed by their own id', () => {
    expect(Object.keys(TARGETS).sort()).toEqual([...TARGET_IDS].sort());
    for (const id of TARGET_IDS) expect(TARGETS[id].id).toBe(id);
  });

  // toStrictEqual: an extra or missing optional field (say, `scoop` on Linux) fails too.
  test.each(rows)('%s: every field', (id, fields) => {
    expect(TARGETS[id]).toStrictEqual({ id, ...fields });
  });

  test('is frozen all the way down', () => {
    expect(Object.isFrozen(TARGETS)).toBe(true);
    expect(Object.isFrozen(TARGETS['linux-x64'])).toBe(true);
    expect(Object.isFrozen(TARGETS['linux-x64'].npm)).toBe(true);
    expect(() => {
      (TARGETS['linux-x64'].npm as { cpu: string }).cpu = 'ia32';
    }).toThrow(TypeError);
  });
});

describe('consistency', () => {
  const all = TARGET_IDS.map((id) => TARGETS[id]);
  const unique = <T>(pick: (t: TargetInfo) => T) => new Set(all.map(pick)).size === all.length;

  test('rust triples, wheel tags and npm os/cpu/libc are unique per target', () => {
    expect(unique((t) => t.rustTriple)).toBe(true);
    expect(unique((t) => t.pypi.platformTag)).toBe(true);
    expect(unique((t) => `${t.npm.os}/${t.npm.cpu}/${t.npm.libc ?? ''}`)).toBe(true);
  });

  test.each(all)('$id: windows ⇔ zip ⇔ .exe ⇔ msvc ⇔ scoop/winget', (t) => {
    const win = t.os === 'windows';
    expect(t.archive === 'zip').toBe(win);
    expect(t.exeSuffix === '.exe').toBe(win);
    expect(t.rustTriple.endsWith('-pc-windows-msvc')).toBe(win);
    expect(t.scoop !== undefined).toBe(win);
    expect(t.winget !== undefined).toBe(win);
    expect(t.homebrew === undefined).toBe(win);
    expect(t.nix === undefined).toBe(win);
  });

  test.each(all)('$id: linux ⇔ libc ⇔ oci/aur/snap, and the libc names agree', (t) => {
    const linux = t.os === 'linux';
    expect(t.libc !== undefined).toBe(linux);
    expect(t.npm.libc !== undefined).toBe(linux);
    expect(t.oci !== undefined).toBe(linux);
    expect(t.aur !== undefined).toBe(linux);
    expect(t.snap !== undefined).toBe(linux);
    if (linux) {
      expect(t.npm.libc).toBe(t.libc === 'gnu' ? 'glibc' : 'musl');
      expect(t.rustTriple.endsWith(`-unknown-linux-${t.libc}`)).toBe(true);
      expect(t.pypi.platformTag.startsWith(t.libc === 'gnu' ? 'manylinux_' : 'musllinux_')).toBe(true);
    }
  });

  test.each(all)('$id: the id, rust triple, Go, npm and every arch name tell the same story', (t) => {
    const x64 = t.arch === 'x64';
    expect(t.id.startsWith(`${t.os}-${t.arch}`)).toBe(true);
    expect(t.id.endsWith('-musl')).toBe(t.libc === 'musl');
    expect(t.rustTriple.startsWith(x64 ? 'x86_64-' : 'aarch64-')).toBe(true);
    expect(t.goarch).toBe(x64 ? 'amd64' : 'arm64');
    expect(t.goos).toBe({ linux: 'linux', macos: 'darwin', windows: 'windows' }[t.os]);
    expect(t.npm.os).toBe({ linux: 'linux', macos: 'darwin', windows: 'win32' }[t.os]);
    expect(t.npm.cpu).toBe(t.arch);
    expect(t.pypi.platformTag.endsWith(x64 ? (t.os === 'windows' ? 'amd64' : 'x86_64') : t.os === 'linux' ? 'aarch64' : 'arm64')).toBe(true);
    if (t.homebrew) expect(t.homebrew).toEqual({ os: t.os === 'macos' ? 'on_macos' : 'on_linux', cpu: x64 ? 'on_intel' : 'on_arm' });
    if (t.nix) expect(t.nix).toBe(`${x64 ? 'x86_64' : 'aarch64'}-${t.os === 'macos' ? 'darwin' : 'linux'}`);
    if (t.oci) expect(t.oci.architecture).toBe(t.goarch);
    if (t.aur) expect(t.aur).toBe(x64 ? 'x86_64' : 'aarch64');
    if (t.snap) expect(t.snap).toBe(t.goarch);
    if (t.scoop) expect(t.scoop).toBe(x64 ? '64bit' : 'arm64');
    if (t.winget) expect(t.winget).toBe(t.arch);
  });

  test.each(all)('$id: runner runs this OS and architecture (musl builds on its arch’s glibc runner)', (t) => {
    const family = t.runner.split('-')[0];
    expect(family).toBe({ linux: 'ubuntu', macos: 'macos', windows: 'windows' }[t.os]);
    const armRunner = /-arm$/.test(t.runner) || t.runner === 'macos-15';
    expect(armRunner).toBe(t.arch === 'arm64');
    if (t.libc === 'musl') {
      const gnu = TARGETS[t.id.replace(/-musl$/, '') as TargetId];
      expect(t.runner).toBe(gnu.runner);
      expect(t.oci).toEqual(gnu.oci);
    }
  });

  test('wheel platform tags have the shape of PEP 425 / PEP 600 / PEP 656 tags', () => {
    for (const t of all) {
      expect(t.pypi.platformTag).toMatch(
        /^(manylinux_2_\d+_(x86_64|aarch64)|musllinux_1_\d+_(x86_64|aarch64)|macosx_\d+_\d+_(x86_64|arm64)|win_(amd64|arm64))$/,
      );
    }
  });
});
