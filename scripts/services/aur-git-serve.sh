#!/bin/sh
# sshd ForceCommand for the local aurweb emulation. Like aurweb's git-serve it accepts only
# `git-upload-pack '/<pkgbase>.git'` and `git-receive-pack '/<pkgbase>.git'`, and a package's repository
# springs into existence when it is first used (AUR: pushing a new pkgbase creates it; cloning an unknown one
# gives an empty repository). $1 is the directory holding the bare repositories.
set -eu
repos=$1
cmd=${SSH_ORIGINAL_COMMAND:-}

case $cmd in
  "git-upload-pack "*) verb=git-upload-pack ;;
  "git-receive-pack "*) verb=git-receive-pack ;;
  *) echo "aur-emulation: interactive shell is disabled; only git-upload-pack/git-receive-pack" >&2; exit 1 ;;
esac

# The path arrives shell-quoted ('/foo.git'); ssh:// URLs give a leading slash, scp-style ones do not.
path=${cmd#"$verb "}
path=${path#\'}; path=${path%\'}
path=${path#/}
pkg=${path%.git}

# AUR package names: lowercase alphanumerics and @._+-, not starting with a punctuation character.
# Checking the name also keeps the path from escaping the repository folder.
if ! printf '%s\n' "$pkg" | grep -Eq '^[a-z0-9][a-z0-9@._+-]*$'; then
  echo "aur-emulation: invalid repository name: $path" >&2
  exit 1
fi

repo="$repos/$pkg.git"
if [ ! -d "$repo" ]; then
  git init -q --bare --initial-branch=master "$repo"
fi
exec "$verb" "$repo"
