/**
 * The fixed part of install.sh, after the values renderInstallSh states at its top. It is POSIX sh
 * (dash, BusyBox ash, bash, zsh in sh mode) and `shellcheck -s sh` clean; the test suite runs it
 * with sh and dash against a local release. Kept as one literal so the script reads top-down as
 * the user will read it.
 */
export const INSTALL_SH_BODY = `say() {
  printf '%s\\n' "$*"
}

fail() {
  printf 'install.sh: error: %s\\n' "$*" >&2
  exit 1
}

usage() {
  cat <<USAGE
Installs $APP_BINARY from its GitHub release: downloads the archive for this machine, checks its
sha256 against the release's SHA256SUMS, and only then unpacks it.

Usage: install.sh [--version VERSION] [--to DIR] [--target TARGET] [--base-url URL]

  --version VERSION  the release to install (default: $APP_VERSION)
  --to DIR           where $APP_BINARY goes (default: \\$HOME/.local/bin)
  --target TARGET    the archive to install instead of the detected one, one of:
                     $TARGETS
  --base-url URL     download from a mirror of the release files, laid out as
                     <URL>/<tag>/<file> (default: $DEFAULT_BASE_URL;
                     the $BASE_URL_VARIABLE environment variable sets it too)

Downloads with curl, else wget. Piped: curl -fsSL <url>/install.sh | sh -s -- --to DIR
USAGE
}

# The C library this Linux uses: musl systems (Alpine) cannot run glibc builds.
is_musl() {
  for loader in /lib/ld-musl-*; do
    if [ -e "$loader" ]; then
      return 0
    fi
  done
  ldd --version 2>&1 | grep -qi musl
}

has_target() {
  case " $TARGETS " in
    *" $1 "*) return 0 ;;
  esac
  return 1
}

# Prints the target to install, best first: a glibc Linux takes the glibc build and falls back to
# the static musl one; a Mac on Apple silicon takes arm64 and falls back to x64 (Rosetta).
detect_target() {
  kernel=$(uname -s)
  machine=$(uname -m)
  case $kernel in
    Linux) os=linux ;;
    Darwin) os=macos ;;
    MINGW* | MSYS* | CYGWIN* | Windows_NT) fail "this is Windows: use install.ps1 from the same release" ;;
    *) fail "no build for $kernel (this release has: $TARGETS)" ;;
  esac
  case $machine in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64 | armv8*) arch=arm64 ;;
    *) fail "no build for $kernel on $machine (this release has: $TARGETS)" ;;
  esac
  if [ "$os" = macos ] && [ "$arch" = x64 ] && [ "$(sysctl -n sysctl.proc_translated 2>/dev/null || true)" = 1 ]; then
    arch=arm64
  fi
  if [ "$os" = linux ]; then
    if is_musl; then
      candidates="linux-$arch-musl"
    else
      candidates="linux-$arch linux-$arch-musl"
    fi
  elif [ "$arch" = arm64 ]; then
    candidates="macos-arm64 macos-x64"
  else
    candidates="macos-x64"
  fi
  for candidate in $candidates; do
    if has_target "$candidate"; then
      printf '%s\\n' "$candidate"
      return 0
    fi
  done
  fail "no build for this machine ($candidates; this release has: $TARGETS); --target picks one by hand"
}

# download URL FILE. An https base stays https through redirects.
download() {
  if command -v curl >/dev/null 2>&1; then
    case $1 in
      https://*) curl --fail --silent --show-error --location --proto '=https' --proto-redir '=https' --retry 3 --output "$2" "$1" ;;
      *) curl --fail --silent --show-error --location --retry 3 --output "$2" "$1" ;;
    esac
  elif command -v wget >/dev/null 2>&1; then
    # Short options only: BusyBox wget (Alpine) knows no others.
    wget -q -O "$2" "$1"
  else
    fail "neither curl nor wget is installed: install one of them and run this again"
  fi || fail "could not download $1"
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d ' ' -f 1
  elif command -v openssl >/dev/null 2>&1; then
    openssl dgst -sha256 -r "$1" | cut -d ' ' -f 1
  else
    fail "no sha256sum, shasum or openssl to check the download with"
  fi
}

main() {
  version=$APP_VERSION
  to=
  target=
  # The variable's name is fixed at the top of this file (letters, digits, _): eval only reads it.
  # Not printenv: BusyBox builds without that applet exist.
  eval "base_url=\\\${$BASE_URL_VARIABLE:-}"
  if [ -z "$base_url" ]; then
    base_url=$DEFAULT_BASE_URL
  fi
  while [ $# -gt 0 ]; do
    case $1 in
      --version | --to | --target | --base-url)
        [ $# -ge 2 ] || fail "$1 needs a value (see --help)"
        case $1 in
          --version) version=$2 ;;
          --to) to=$2 ;;
          --target) target=$2 ;;
          --base-url) base_url=$2 ;;
        esac
        shift 2
        ;;
      --version=*) version=\${1#*=}; shift ;;
      --to=*) to=\${1#*=}; shift ;;
      --target=*) target=\${1#*=}; shift ;;
      --base-url=*) base_url=\${1#*=}; shift ;;
      -h | --help) usage; exit 0 ;;
      *) fail "unknown option $1 (see --help)" ;;
    esac
  done

  # --version v1.2.3 and --version 1.2.3 name the same release.
  if [ -n "$TAG_PREFIX" ]; then
    version=\${version#"$TAG_PREFIX"}
  fi
  case $version in
    '' | *[!0-9A-Za-z.+-]*) fail "--version: expected a version such as $APP_VERSION, got '$version'" ;;
  esac
  if [ -z "$to" ]; then
    [ -n "\${HOME:-}" ] || fail "HOME is not set: pass --to DIR"
    to=$HOME/.local/bin
  fi
  case $base_url in
    http://* | https://*) base_url=\${base_url%/} ;;
    *) fail "--base-url: expected an http(s) URL, got '$base_url'" ;;
  esac
  if [ -n "$target" ]; then
    has_target "$target" || fail "--target: this release has no $target (it has: $TARGETS)"
  else
    target=$(detect_target)
  fi

  tag=$TAG_PREFIX$version
  archive=$APP_NAME-$version-$target.tar.gz
  tmp=$(mktemp -d 2>/dev/null || mktemp -d -t "$APP_NAME-install")
  trap 'rm -rf "$tmp"' EXIT
  trap 'exit 1' HUP INT TERM

  say "downloading $base_url/$tag/$archive"
  download "$base_url/$tag/SHA256SUMS" "$tmp/SHA256SUMS"
  download "$base_url/$tag/$archive" "$tmp/$archive"
  expected=$(awk -v name="$archive" '$2 == name || $2 == "*" name { print tolower($1); exit }' "$tmp/SHA256SUMS")
  [ -n "$expected" ] || fail "SHA256SUMS of $tag does not list $archive: refusing to install it"
  actual=$(sha256_of "$tmp/$archive")
  if [ "$actual" != "$expected" ]; then
    fail "$archive: sha256 is $actual but SHA256SUMS says $expected: refusing to install it (nothing was changed)"
  fi
  say "verified sha256 $actual"

  mkdir "$tmp/unpacked"
  tar -xzf "$tmp/$archive" -C "$tmp/unpacked" || fail "could not unpack $archive"
  [ -f "$tmp/unpacked/$APP_BINARY" ] || fail "$archive holds no $APP_BINARY"
  mkdir -p "$to" || fail "could not create $to"
  # Copy next to the destination, then rename: a running copy of the old binary is never overwritten
  # in place, and an interrupted install leaves no half-written file under the real name.
  cp "$tmp/unpacked/$APP_BINARY" "$to/.$APP_BINARY.partial" || fail "could not write to $to"
  chmod 755 "$to/.$APP_BINARY.partial"
  mv -f "$to/.$APP_BINARY.partial" "$to/$APP_BINARY" || fail "could not write $to/$APP_BINARY"
  say "installed $APP_NAME $version ($target) as $to/$APP_BINARY"
  case ":\${PATH:-}:" in
    *":$to:"*) ;;
    *) say "note: $to is not on your PATH; add it with: export PATH=\\"$to:\\$PATH\\"" ;;
  esac
}

# Everything runs from here, after the whole script has arrived: a download cut short by
# \`curl | sh\` runs nothing.
main "$@"
`;
