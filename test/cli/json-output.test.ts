import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/repo-root.js';
import { runBuiltCli } from './cli-process.js';

// issue 15 item 5: `validate --json`, `plan --json`, `publish --json`, `check-exists --json`… printed
// nothing on stdout when they failed. Every --json command prints exactly one JSON document on stdout
// in every outcome, with the exit code it has without --json.

interface JsonFailure {
  ok: false;
  errors: { file: string | null; line: number | null; col: number | null; key: string | null; message: string }[];
}

const broken = mkdtempSync(join(tmpdir(), 'df-json-'));
writeFileSync(join(broken, 'deployforge.yml'), 'project:\n  name: demo\n  nmae: typo\nbuild:\n  targets: [linux-x65]\n');
const goCli = join(repoRoot, 'examples/go-cli');
// No GitHub anywhere: a command that would need it fails on its input first, or on the missing token.
const env = { GITHUB_API_URL: 'http://127.0.0.1:9' };

/** Parse stdout as exactly one JSON document (JSON.parse refuses trailing text). */
function onlyDocument(stdout: string): JsonFailure {
  expect(stdout.trim().startsWith('{')).toBe(true);
  return JSON.parse(stdout) as JsonFailure;
}

describe.each([
  ['validate', ['validate'], broken, { file: 'deployforge.yml', line: 3, col: 3, key: 'project.nmae' }],
  ['plan', ['plan', '--version', '1.2'], goCli, { file: null, line: null, col: null, key: '--version' }],
  ['plan (usage error)', ['plan', '--bogus-flag'], goCli, { key: '--bogus-flag' }],
  ['doctor', ['doctor'], broken, { file: 'deployforge.yml', line: 3, key: 'project.nmae' }],
  ['check-exists', ['check-exists', '--version', '1.2.3', '--platforms', 'bogus'], goCli, { key: '--platforms' }],
  ['check-exists (no token)', ['check-exists', '--version', '1.2.3'], goCli, { key: 'GITHUB_TOKEN' }],
  ['publish', ['publish', 'npm', '--version', 'nope'], goCli, { key: 'version' }],
  ['release', ['release', '--version', '1.2.3', '--platforms', 'bogus'], goCli, { key: '--platforms' }],
  ['status', ['status', '--platforms', 'bogus'], goCli, {}],
  ['stats', ['stats', '--platforms', 'bogus'], goCli, {}],
  ['rollback', ['rollback', '--to', '1.2'], goCli, {}],
] as const)('%s --json, failing', (_name, args, cwd, first) => {
  test('one JSON document on stdout, ok: false, the same exit code as without --json', async () => {
    const plain = await runBuiltCli([...args], { cwd, env });
    const json = await runBuiltCli([...args, '--json'], { cwd, env });
    expect(plain.code).not.toBe(0);
    expect(json.code).toBe(plain.code);
    const doc = onlyDocument(json.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.errors.length).toBeGreaterThan(0);
    for (const e of doc.errors) expect(Object.keys(e).sort()).toEqual(['col', 'file', 'key', 'line', 'message']);
    expect(doc.errors[0]).toMatchObject(first);
    // The human message still goes to stderr, without a stack trace.
    expect(json.stderr.trim()).not.toBe('');
    expect(json.stderr).not.toMatch(/^\s+at /m);
  });
});

test('an unknown command with --json is a JSON failure too', async () => {
  const run = await runBuiltCli(['planx', '--json'], { cwd: goCli });
  expect(run.code).toBe(2);
  expect(onlyDocument(run.stdout)).toMatchObject({ ok: false, errors: [{ message: "unknown command 'planx' (did you mean 'plan'?)" }] });
});

test('validate --json on a valid config: ok: true, kebab-case keys', async () => {
  const run = await runBuiltCli(['validate', '--json'], { cwd: goCli });
  expect(run.code, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, valid: true, file: 'deployforge.yml' });
});

test('plan --json: every key in kebab-case, as in status.json', async () => {
  const run = await runBuiltCli(['plan', '--version', '1.2.3', '--json'], { cwd: goCli });
  expect(run.code, run.stderr).toBe(0);
  const camel: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (/[a-z][A-Z]/.test(k)) camel.push(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
    }
  };
  walk(JSON.parse(run.stdout), '');
  expect(camel).toEqual([]);
});
