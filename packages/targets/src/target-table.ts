import type { TargetId } from './target-ids.js';
import type { TargetInfo } from './target-info.js';

/*
 * The one place a target is mapped to each ecosystem's name for it. Facts behind the less obvious
 * cells (checked against the upstream docs, see the report in the commit that introduced this):
 *
 * - Runners: `macos-13` (the last free Intel image) was retired on 2025-12-04; `macos-15-intel` is the
 *   free Intel replacement (announced available until August 2027). Arm macOS uses `macos-15`, the
 *   same OS generation, rather than `macos-14`, which GitHub deprecates from July 2026. Neither is
 *   `macos-latest`: a moving label would silently change the toolchain of a release build. The build
 *   host does not set the minimum macOS of the binary (rustc and Go default their deployment target),
 *   so a newer image does not shrink who can run it.
 * - musl targets build on the runner of their architecture: the musl toolchain (rustup target, or
 *   CGO_ENABLED=0 for Go) cross-compiles on glibc hosts, and there is no musl-hosted runner.
 * - Wheel tags: rustc's minimums are glibc 2.17 (manylinux_2_17 = manylinux2014), macOS 10.12 on x86
 *   and 11.0 on arm64; musl targets ship musl 1.2.x statically (musllinux_1_2). A Go binary needs
 *   macOS 11 since Go 1.23: the PyPI spoke may raise the x86_64 tag for Go projects.
 * - OCI arm64 carries `variant: v8`, like the images docker buildx produces, so platform matching
 *   in clients that compare variants finds it.
 */
export const TARGETS: Readonly<Record<TargetId, TargetInfo>> = deepFreeze({
  'linux-x64': {
    id: 'linux-x64',
    os: 'linux',
    arch: 'x64',
    libc: 'gnu',
    runner: 'ubuntu-latest',
    rustTriple: 'x86_64-unknown-linux-gnu',
    goos: 'linux',
    goarch: 'amd64',
    npm: { os: 'linux', cpu: 'x64', libc: 'glibc' },
    pypi: { platformTag: 'manylinux_2_17_x86_64' },
    oci: { os: 'linux', architecture: 'amd64' },
    homebrew: { os: 'on_linux', cpu: 'on_intel' },
    aur: 'x86_64',
    snap: 'amd64',
    nix: 'x86_64-linux',
    archive: 'tar.gz',
    exeSuffix: '',
  },
  'linux-arm64': {
    id: 'linux-arm64',
    os: 'linux',
    arch: 'arm64',
    libc: 'gnu',
    runner: 'ubuntu-24.04-arm',
    rustTriple: 'aarch64-unknown-linux-gnu',
    goos: 'linux',
    goarch: 'arm64',
    npm: { os: 'linux', cpu: 'arm64', libc: 'glibc' },
    pypi: { platformTag: 'manylinux_2_17_aarch64' },
    oci: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    homebrew: { os: 'on_linux', cpu: 'on_arm' },
    aur: 'aarch64',
    snap: 'arm64',
    nix: 'aarch64-linux',
    archive: 'tar.gz',
    exeSuffix: '',
  },
  'linux-x64-musl': {
    id: 'linux-x64-musl',
    os: 'linux',
    arch: 'x64',
    libc: 'musl',
    runner: 'ubuntu-latest',
    rustTriple: 'x86_64-unknown-linux-musl',
    goos: 'linux',
    goarch: 'amd64',
    npm: { os: 'linux', cpu: 'x64', libc: 'musl' },
    pypi: { platformTag: 'musllinux_1_2_x86_64' },
    oci: { os: 'linux', architecture: 'amd64' },
    homebrew: { os: 'on_linux', cpu: 'on_intel' },
    aur: 'x86_64',
    snap: 'amd64',
    nix: 'x86_64-linux',
    archive: 'tar.gz',
    exeSuffix: '',
  },
  'linux-arm64-musl': {
    id: 'linux-arm64-musl',
    os: 'linux',
    arch: 'arm64',
    libc: 'musl',
    runner: 'ubuntu-24.04-arm',
    rustTriple: 'aarch64-unknown-linux-musl',
    goos: 'linux',
    goarch: 'arm64',
    npm: { os: 'linux', cpu: 'arm64', libc: 'musl' },
    pypi: { platformTag: 'musllinux_1_2_aarch64' },
    oci: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    homebrew: { os: 'on_linux', cpu: 'on_arm' },
    aur: 'aarch64',
    snap: 'arm64',
    nix: 'aarch64-linux',
    archive: 'tar.gz',
    exeSuffix: '',
  },
  'macos-x64': {
    id: 'macos-x64',
    os: 'macos',
    arch: 'x64',
    runner: 'macos-15-intel',
    rustTriple: 'x86_64-apple-darwin',
    goos: 'darwin',
    goarch: 'amd64',
    npm: { os: 'darwin', cpu: 'x64' },
    pypi: { platformTag: 'macosx_10_12_x86_64' },
    homebrew: { os: 'on_macos', cpu: 'on_intel' },
    nix: 'x86_64-darwin',
    archive: 'tar.gz',
    exeSuffix: '',
  },
  'macos-arm64': {
    id: 'macos-arm64',
    os: 'macos',
    arch: 'arm64',
    runner: 'macos-15',
    rustTriple: 'aarch64-apple-darwin',
    goos: 'darwin',
    goarch: 'arm64',
    npm: { os: 'darwin', cpu: 'arm64' },
    pypi: { platformTag: 'macosx_11_0_arm64' },
    homebrew: { os: 'on_macos', cpu: 'on_arm' },
    nix: 'aarch64-darwin',
    archive: 'tar.gz',
    exeSuffix: '',
  },
  'windows-x64': {
    id: 'windows-x64',
    os: 'windows',
    arch: 'x64',
    runner: 'windows-latest',
    rustTriple: 'x86_64-pc-windows-msvc',
    goos: 'windows',
    goarch: 'amd64',
    npm: { os: 'win32', cpu: 'x64' },
    pypi: { platformTag: 'win_amd64' },
    scoop: '64bit',
    winget: 'x64',
    archive: 'zip',
    exeSuffix: '.exe',
  },
  'windows-arm64': {
    id: 'windows-arm64',
    os: 'windows',
    arch: 'arm64',
    runner: 'windows-11-arm',
    rustTriple: 'aarch64-pc-windows-msvc',
    goos: 'windows',
    goarch: 'arm64',
    npm: { os: 'win32', cpu: 'arm64' },
    pypi: { platformTag: 'win_arm64' },
    scoop: 'arm64',
    winget: 'arm64',
    archive: 'zip',
    exeSuffix: '.exe',
  },
} satisfies Record<TargetId, TargetInfo>);

/** Frozen all the way down: spokes receive these objects, and one spoke must not change another's view. */
function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child as object);
  }
  return Object.freeze(value);
}
