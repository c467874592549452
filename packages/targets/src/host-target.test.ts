import { describe, expect, test } from 'vitest';
import { detectLinuxLibc, hostTarget } from './host-target.js';
import { isTargetId } from './target-lookup.js';

describe('hostTarget', () => {
  test.each([
    [{ platform: 'linux', arch: 'x64', libc: 'gnu' }, 'linux-x64'],
    [{ platform: 'linux', arch: 'arm64', libc: 'gnu' }, 'linux-arm64'],
    [{ platform: 'linux', arch: 'x64', libc: 'musl' }, 'linux-x64-musl'],
    [{ platform: 'linux', arch: 'arm64', libc: 'musl' }, 'linux-arm64-musl'],
    [{ platform: 'darwin', arch: 'x64' }, 'macos-x64'],
    [{ platform: 'darwin', arch: 'arm64' }, 'macos-arm64'],
    [{ platform: 'win32', arch: 'x64' }, 'windows-x64'],
    [{ platform: 'win32', arch: 'arm64' }, 'windows-arm64'],
    // libc is meaningless off Linux and must not hide the target.
    [{ platform: 'darwin', arch: 'arm64', libc: 'musl' }, 'macos-arm64'],
    [{ platform: 'freebsd', arch: 'x64' }, undefined],
    [{ platform: 'linux', arch: 'ia32', libc: 'gnu' }, undefined],
    [{ platform: 'linux', arch: 'riscv64', libc: 'gnu' }, undefined],
  ] as const)('%j → %s', (facts, want) => {
    expect(hostTarget(facts)).toBe(want);
  });

  test('the machine running the tests maps to a target matching process.platform/arch', () => {
    const host = hostTarget();
    if (['linux', 'darwin', 'win32'].includes(process.platform) && ['x64', 'arm64'].includes(process.arch)) {
      expect(isTargetId(host)).toBe(true);
    } else {
      expect(host).toBeUndefined();
    }
  });

  test.runIf(process.platform === 'linux')('detects the libc of this Linux host', () => {
    const report = process.report.getReport() as { header: { glibcVersionRuntime?: string } };
    expect(detectLinuxLibc()).toBe(report.header.glibcVersionRuntime ? 'gnu' : 'musl');
  });
});
