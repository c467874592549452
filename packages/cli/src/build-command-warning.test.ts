import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@deployforge/config';
import { describe, expect, test } from 'vitest';
import { buildCommandWarnings, scriptOfCommand } from './build-command-warning.js';

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

describe('buildCommandWarnings', () => {
  const warningsFor = async (build: string): Promise<string[]> => {
    const dir = mkdtempSync(join(tmpdir(), 'df-build-warning-'));
    try {
      writeFileSync(join(dir, 'deployforge.yml'), `project:\n  name: tool\nbuild:\n  binary: tool\n  targets: [linux-x64]\n${build}`);
      return buildCommandWarnings(await loadConfig(join(dir, 'deployforge.yml')), dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  // What `init` writes when it finds no manifest: valid for the schema, refused by generate.
  test('build.command and build.path left out: one warning each, at the build block', async () => {
    expect(await warningsFor('')).toEqual([
      expect.stringMatching(/^.*deployforge\.yml:4:3: build\.command: not set: generate and release need the command that builds one target/),
      expect.stringMatching(/^.*deployforge\.yml:4:3: build\.path: not set: generate and release need where the built binary lands/),
    ]);
  });

  test('both set, and a command on PATH: nothing to say', async () => {
    expect(await warningsFor('  command: make\n  path: dist/tool\n')).toEqual([]);
  });
});
