import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ConfigurationError } from '@deployforge/diagnostics';
import { parseConfig } from './parse-config.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/bad-configs/', import.meta.url));

interface Expectation {
  line: number;
  column: number;
  /** Dotted key path; `-` in the fixture for problems that belong to no key (YAML syntax, empty file). */
  path: string;
  substring: string;
}

/** `# expect: <line>:<col> <path>: <substring of message>`, one per expected diagnostic, in file order. */
function expectationsOf(text: string): Expectation[] {
  const found: Expectation[] = [];
  for (const line of text.split('\n')) {
    const match = /^# expect: (\d+):(\d+) (\S+): (.+)$/.exec(line);
    if (!match) continue;
    const [, l, c, path, substring] = match as unknown as [string, string, string, string, string];
    found.push({ line: Number(l), column: Number(c), path: path === '-' ? '' : path, substring });
  }
  return found;
}

const fixtures = readdirSync(dir).filter((f) => f.endsWith('.yml')).sort();

describe('bad configs', () => {
  test('the corpus is large enough to mean something', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(35);
  });

  test.each(fixtures)('%s', (name) => {
    const text = readFileSync(`${dir}${name}`, 'utf8');
    const expected = expectationsOf(text);
    expect(expected.length, 'fixture has no "# expect:" line').toBeGreaterThan(0);
    expect(text.startsWith('# expect: '), 'the first line is an expect comment').toBe(true);

    let thrown: unknown;
    try {
      parseConfig(text, `bad-configs/${name}`);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    const error = thrown as ConfigurationError;
    // The message is what the CLI prints: one `file:line:col: path: message` per problem, no stack.
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(error.message).not.toContain('.ts:');
    const lines = error.message.split('\n');
    expect(lines.every((l) => l.startsWith(`bad-configs/${name}:`)), error.message).toBe(true);

    const actual = error.diagnostics.map((d) => ({ line: d.line, column: d.column, path: d.path, message: d.message }));
    expect(actual.length, error.message).toBe(expected.length);
    expected.forEach((want, index) => {
      const got = actual[index]!;
      expect({ line: got.line, column: got.column, path: got.path }, error.message).toEqual({
        line: want.line,
        column: want.column,
        path: want.path,
      });
      expect(got.message, error.message).toContain(want.substring);
    });
  });
});
