import { describe, expect, test } from 'vitest';
import { scriptOfCommand } from './build-command-warning.js';

describe('scriptOfCommand', () => {
  test.each([
    ['./scripts/build.sh "$DEPLOYFORGE_TARGET"', './scripts/build.sh'],
    ['scripts/build.sh && strip dist/x', 'scripts/build.sh'],
    ['TARGET=x ./build', './build'],
    ['bash build.sh', 'build.sh'],
    ['bash -e tools/build "$X"', 'tools/build'],
    ['python3 ci/build.py', 'ci/build.py'],
  ])('%s runs the file %s', (command, script) => {
    expect(scriptOfCommand(command)).toBe(script);
  });

  test.each([
    'cargo build --release --target "$DEPLOYFORGE_RUST_TARGET"',
    'CGO_ENABLED=0 go build -o "dist/$DEPLOYFORGE_TARGET/" .',
    'npm ci && npx --yes bun build ./bin/x.js --compile',
    'python -m pip install . pyinstaller && pyinstaller --onefile x.py',
    'bash -c "make all"',
    '"$BUILD_SCRIPT" --release',
    'make',
  ])('%s names no file to check', (command) => {
    expect(scriptOfCommand(command)).toBeUndefined();
  });
});
