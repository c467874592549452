/**
 * The build job's packaging step: the built binary plus `build.files` into `matrix.archive`.
 *
 * It is the same text in every generated workflow and reads everything from `env:` as "$VAR", so
 * nothing from a tag name, an input or the config is ever spliced into shell code. `build.path`
 * arrives verbatim in DEPLOYFORGE_BINARY_PATH; its `${DEPLOYFORGE_…}`/`${GOOS}`… placeholders are
 * replaced with bash pattern substitution rather than `eval`, so a path can never run anything.
 * Files sit at the archive root (the binary under its plain name, `.exe` on Windows), which is
 * where the spokes look for them.
 */
export const PACKAGE_SCRIPT = `set -euo pipefail
bin="$DEPLOYFORGE_BINARY_PATH"
for var in DEPLOYFORGE_TARGET DEPLOYFORGE_RUST_TARGET DEPLOYFORGE_VERSION GOOS GOARCH; do
  bin="\${bin//"\\\${$var}"/"\${!var}"}"
done
# build.path never carries .exe (the same path serves every target); Windows builds add it.
if [ ! -f "$bin" ] && [ -f "$bin.exe" ]; then bin="$bin.exe"; fi
if [ ! -f "$bin" ]; then
  echo "::error title=DeployForge::build.path: no file at $bin after the build command"
  exit 1
fi
stage="$RUNNER_TEMP/deployforge-stage/$DEPLOYFORGE_TARGET"
rm -rf "$stage"
mkdir -p "$stage" deployforge-archives
cp "$bin" "$stage/$DEPLOYFORGE_BINARY"
chmod +x "$stage/$DEPLOYFORGE_BINARY"
while IFS= read -r file; do
  if [ -n "$file" ]; then cp -R "$file" "$stage/"; fi
done <<< "$DEPLOYFORGE_FILES"
out="$PWD/deployforge-archives/$DEPLOYFORGE_ARCHIVE"
case "$DEPLOYFORGE_ARCHIVE_FORMAT" in
  tar.gz) tar -C "$stage" -czf "$out" . ;;
  zip)
    # Windows runners ship 7-Zip; elsewhere fall back to bsdtar's zip writer.
    if command -v 7z >/dev/null 2>&1; then (cd "$stage" && 7z a -tzip -bd "$out" . >/dev/null)
    else (cd "$stage" && tar -a -cf "$out" -- *); fi ;;
  *) echo "::error title=DeployForge::unknown archive format $DEPLOYFORGE_ARCHIVE_FORMAT"; exit 1 ;;
esac
echo "packaged $DEPLOYFORGE_ARCHIVE from $bin"
`;
