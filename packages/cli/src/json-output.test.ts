import { ConfigurationError } from '@deployforge/diagnostics';
import { describe, expect, test } from 'vitest';
import { errorsOf, kebabKeys, printJson, wantsJson } from './json-output.js';

describe('json output', () => {
  test('wantsJson: --json before a --', () => {
    expect(wantsJson(['plan', '--json'])).toBe(true);
    expect(wantsJson(['publish', 'custom:x', '--', '--json'])).toBe(false);
    expect(wantsJson(['plan'])).toBe(false);
  });

  test('errorsOf: diagnostics, positioned lines, named inputs, anything else', () => {
    const located = ConfigurationError.fromDiagnostics([{ file: 'deployforge.yml', line: 3, column: 5, path: 'project.name', message: 'expected a string' }]);
    expect(errorsOf(located)).toEqual([{ file: 'deployforge.yml', line: 3, col: 5, key: 'project.name', message: 'expected a string' }]);
    expect(errorsOf(new ConfigurationError('Cargo.toml:3:14: Invalid TOML document'))).toEqual([
      { file: 'Cargo.toml', line: 3, col: 14, key: null, message: 'Invalid TOML document' },
    ]);
    expect(errorsOf(ConfigurationError.forInput('--platforms', '"bogus" is not enabled'))).toEqual([
      { file: null, line: null, col: null, key: '--platforms', message: '"bogus" is not enabled' },
    ]);
    // An unexpected error is not about the input: nothing is guessed from its text.
    expect(errorsOf(new Error('connect ECONNREFUSED 127.0.0.1:9: oops'))).toEqual([
      { file: null, line: null, col: null, key: null, message: 'connect ECONNREFUSED 127.0.0.1:9: oops' },
    ]);
    expect(errorsOf('a thrown string')).toEqual([{ file: null, line: null, col: null, key: null, message: 'a thrown string' }]);
  });

  test('errorsOf: indented lines continue the error above them; unindented lines are errors of their own', () => {
    const status = new ConfigurationError('s.json: not a valid status.json:\n  version: expected a non-empty string\n  platforms: expected a mapping');
    expect(errorsOf(status)).toEqual([
      { file: null, line: null, col: null, key: 's.json', message: 'not a valid status.json:\n  version: expected a non-empty string\n  platforms: expected a mapping' },
    ]);
    const two = new ConfigurationError('a.yml:1:2: x: expected a string\n  (see docs)\na.yml:3:4: y: unknown key');
    expect(errorsOf(two)).toEqual([
      { file: 'a.yml', line: 1, col: 2, key: 'x', message: 'expected a string\n  (see docs)' },
      { file: 'a.yml', line: 3, col: 4, key: 'y', message: 'unknown key' },
    ]);
  });

  test('kebabKeys renames camelCase identifiers only, never data keys', () => {
    expect(kebabKeys({ npmDistTag: 'next', targets: [{ platformTag: 'x', 'rust-target': 'y' }], 'custom:myDeploy': 1, NPM_TOKEN: 2, 'linux-x64': 3, 'a.jsonFile': 4 })).toEqual({
      'npm-dist-tag': 'next', targets: [{ 'platform-tag': 'x', 'rust-target': 'y' }], 'custom:myDeploy': 1, NPM_TOKEN: 2, 'linux-x64': 3, 'a.jsonFile': 4,
    });
  });

  test('printJson puts ok first, and errors when there are any', () => {
    let out = '';
    const io = { stdout: (t: string) => void (out += t), stderr: () => undefined, cwd: '.', env: {}, isTTY: false };
    printJson(io, { dryRun: true });
    expect(out).toBe('{\n  "ok": true,\n  "dry-run": true\n}\n');
    out = '';
    printJson(io, { platforms: {} }, [{ file: null, line: null, col: null, key: 'npm', message: 'failed' }]);
    expect(Object.keys(JSON.parse(out))).toEqual(['ok', 'errors', 'platforms']);
  });
});
