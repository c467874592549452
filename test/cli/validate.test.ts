import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/repo-root.js';
import { runBuiltCli } from './cli-process.js';

const badDir = join(repoRoot, 'test/fixtures/bad-configs');
const badConfigs = readdirSync(badDir).filter((f) => f.endsWith('.yml')).sort();

/** The fixtures' first lines: `# expect: <line>:<col> <path>: <message substring>`. */
function expectations(file: string): { line: string; col: string; path: string; text: string }[] {
  return readFileSync(join(badDir, file), 'utf8').split('\n')
    .map((l) => /^# expect: (\d+):(\d+) (\S+): (.+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ line: m[1] as string, col: m[2] as string, path: m[3] as string, text: m[4] as string }));
}

describe('deployforge validate (the built CLI) on the bad-config corpus', () => {
  test('the corpus is large enough to mean something', () => {
    expect(badConfigs.length).toBeGreaterThanOrEqual(30);
  });

  test.each(badConfigs)('%s: exit 2, file:line:col: key: message, no stack trace', async (file) => {
    const run = await runBuiltCli(['validate', '--config', `test/fixtures/bad-configs/${file}`], { cwd: repoRoot });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    for (const e of expectations(file)) {
      // `-` marks a problem with no key (YAML syntax, an empty file): the message has no key part.
      const key = e.path === "-" ? "" : `${e.path}: `;
      expect(run.stderr).toContain(`test/fixtures/bad-configs/${file}:${e.line}:${e.col}: ${key}${e.text}`);
    }
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toMatch(/TypeError|ReferenceError|unexpected error/);
  });

  test('a valid example exits 0 and --json prints one document', async () => {
    const run = await runBuiltCli(['validate', '--json'], { cwd: join(repoRoot, 'examples/rust-cli') });
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as { valid: boolean; platforms: string[]; targets: string[] };
    expect(doc.valid).toBe(true);
    expect(doc.targets).toHaveLength(8);
    expect(doc.platforms).toContain('npm');
  });

  test('a missing config says how to create one', async () => {
    const run = await runBuiltCli(['validate', '--config', 'nope.yml'], { cwd: repoRoot });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope.yml: no such file. Run `deployforge init`');
  });
});
