// Toolchains for runners this machine is not: the generated build step runs verbatim, and its
// `cargo`/`rustup`/`go` are small scripts that write a labelled stand-in binary where the real
// compiler would (the way scripts/demo.ts stands in for targets without a toolchain here). Only the
// commands the examples' build lines use are implemented; anything else fails the step.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StandInToolchain {
  /** Folder to put first on the machine's PATH. */
  bin: string;
}

const CARGO = `#!/usr/bin/env bash
# Stand-in cargo: \`cargo build --release [--locked] --target <triple>\` writes target/<triple>/release/<bin>.
set -euo pipefail
[ -n "\${DEPLOYFORGE_STAND_IN_FAIL:-}" ] && { echo "error: $DEPLOYFORGE_STAND_IN_FAIL" >&2; exit 101; }
[ "\${1:-}" = build ] || { echo "stand-in cargo: only 'cargo build' is implemented, got: $*" >&2; exit 2; }
shift
triple=
while [ $# -gt 0 ]; do
  case "$1" in
    --release|--locked|--quiet|-q) ;;
    --target) triple="$2"; shift ;;
    *) echo "stand-in cargo: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$triple" ] || { echo "stand-in cargo: --target is required" >&2; exit 2; }
bin=$(sed -n 's/^name = "\\(.*\\)"$/\\1/p' Cargo.toml | head -n 1)
version=$(sed -n 's/^version = "\\(.*\\)"$/\\1/p' Cargo.toml | head -n 1)
case "$triple" in *windows*) exe=.exe ;; *) exe= ;; esac
mkdir -p "target/$triple/release"
printf '#!/bin/sh\\necho "%s %s (stand-in for %s: no toolchain for it on this machine)"\\n' "$bin" "$version" "$triple" > "target/$triple/release/$bin$exe"
chmod +x "target/$triple/release/$bin$exe"
`;

const RUSTUP = `#!/usr/bin/env bash
# Stand-in rustup: \`rustup target add <triple>\` and \`rustup toolchain install ...\` are no-ops, as on a
# runner that has the target and an up-to-date toolchain.
set -euo pipefail
case "\${1:-} \${2:-}" in
  "target add"|"toolchain install") echo "stand-in rustup: $* (nothing to do)" ;;
  *) echo "stand-in rustup: only 'rustup target add' and 'rustup toolchain install' are implemented, got: $*" >&2; exit 2 ;;
esac
`;

/**
 * The real rustup, except that \`toolchain install\` of a toolchain already installed answers
 * "unchanged" without asking static.rust-lang.org (nothing but 127.0.0.1 is reachable here); online
 * it would find it up to date the same way. Anything else runs the real rustup.
 */
function offlineRustup(real: string): string {
  return `#!/usr/bin/env bash
set -euo pipefail
if [ "\${1:-} \${2:-}" = "toolchain install" ] && [ -n "\${3:-}" ] && "${real}" toolchain list | grep -q "^$3-"; then
  echo "info: $3 unchanged (installed; this runner has no network to look for updates)"
  exit 0
fi
exec "${real}" "$@"
`;
}

const GO = `#!/usr/bin/env bash
# Stand-in go: \`go build ... -o <dir>/ .\` writes <dir>/<module name>[.exe] for $GOOS/$GOARCH.
set -euo pipefail
[ -n "\${DEPLOYFORGE_STAND_IN_FAIL:-}" ] && { echo "$DEPLOYFORGE_STAND_IN_FAIL" >&2; exit 1; }
[ "\${1:-}" = build ] || { echo "stand-in go: only 'go build' is implemented, got: $*" >&2; exit 2; }
shift
out=
while [ $# -gt 0 ]; do
  case "$1" in
    -trimpath) ;;
    -ldflags) ldflags="$2"; shift ;;
    -o) out="$2"; shift ;;
    .) ;;
    *) echo "stand-in go: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
case "$out" in */) ;; *) echo "stand-in go: -o must name a folder (ending in /)" >&2; exit 2 ;; esac
module=$(sed -n 's/^module //p' go.mod)
bin=\${module##*/}
[ "\${GOOS:?}" = windows ] && bin="$bin.exe"
version=$(printf '%s' "\${ldflags:-}" | sed -n 's/.*-X main\\.version=\\([^ ]*\\).*/\\1/p')
mkdir -p "$out"
printf '#!/bin/sh\\necho "%s %s (stand-in for %s/%s: no Go toolchain on this machine)"\\n' "\${module##*/}" "$version" "$GOOS" "\${GOARCH:?}" > "$out$bin"
chmod +x "$out$bin"
`;

/** Writes a `rustup` into `dir/bin` that runs `real` offline (see offlineRustup). */
export function writeOfflineRustup(dir: string, real: string): StandInToolchain {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'rustup'), offlineRustup(real));
  chmodSync(join(bin, 'rustup'), 0o755);
  return { bin };
}

/** Writes the stand-in commands into `dir/bin`. */
export function writeStandInToolchain(dir: string, commands: ('cargo' | 'rustup' | 'go')[]): StandInToolchain {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const scripts = { cargo: CARGO, rustup: RUSTUP, go: GO };
  for (const command of commands) {
    writeFileSync(join(bin, command), scripts[command]);
    chmodSync(join(bin, command), 0o755);
  }
  return { bin };
}
