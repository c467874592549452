import type { TargetId } from './target-ids.js';

export type TargetOs = 'linux' | 'macos' | 'windows';
export type TargetArch = 'x64' | 'arm64';
/** The C library a Linux binary links against. Only Linux targets have one. */
export type TargetLibc = 'gnu' | 'musl';
export type ArchiveFormat = 'tar.gz' | 'zip';

/** An OCI image index platform entry (image-spec `platform` object). */
export interface OciPlatform {
  os: 'linux';
  architecture: 'amd64' | 'arm64';
  /** `v8` for arm64: what `docker buildx` and the official images write, so pulls match exactly. */
  variant?: 'v8';
}

/**
 * Every ecosystem's name for one target. Optional fields are absent where the ecosystem does not
 * ship that operating system (no Scoop on Linux, no OCI images of macOS binaries…), so a spoke can
 * filter with `t.scoop !== undefined` instead of re-deriving the rule.
 */
export interface TargetInfo {
  id: TargetId;
  os: TargetOs;
  arch: TargetArch;
  /** Linux only. */
  libc?: TargetLibc;
  /** GitHub-hosted runner label the build job runs on (`runs-on`). */
  runner: string;
  rustTriple: string;
  goos: 'linux' | 'darwin' | 'windows';
  goarch: 'amd64' | 'arm64';
  /** npm `os` / `cpu` (Node's process.platform / process.arch) and, on Linux, `libc`. */
  npm: { os: 'linux' | 'darwin' | 'win32'; cpu: 'x64' | 'arm64'; libc?: 'glibc' | 'musl' };
  /** The wheel platform tag of a `py3-none-<tag>` wheel carrying this binary. */
  pypi: { platformTag: string };
  /** Linux only: images are Linux images; gnu and musl share a platform (see `ociTargets`). */
  oci?: OciPlatform;
  /** Formula blocks: `on_macos do … on_arm do …`. Absent on Windows (no Homebrew there). */
  homebrew?: { os: 'on_macos' | 'on_linux'; cpu: 'on_intel' | 'on_arm' };
  /** Scoop `architecture` key. Windows only. */
  scoop?: '64bit' | 'arm64';
  /** Winget installer `Architecture`. Windows only. */
  winget?: 'x64' | 'arm64';
  /** Pacman `arch=()` value. Linux only; gnu and musl share it (see `aurTargets`). */
  aur?: 'x86_64' | 'aarch64';
  /** Snap architecture. Linux only; gnu and musl share it (see `snapTargets`). */
  snap?: 'amd64' | 'arm64';
  /** Nix `system` double. Absent on Windows (Nix does not run there). */
  nix?: 'x86_64-linux' | 'aarch64-linux' | 'x86_64-darwin' | 'aarch64-darwin';
  archive: ArchiveFormat;
  /** Appended to the binary name: `.exe` on Windows, empty elsewhere. */
  exeSuffix: '' | '.exe';
}
