import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { runBuiltCli } from './cli-process.js';

// Configs written to hurt, through the built CLI as a user runs it: `validate`, `plan` and `generate`
// each end with exit 2 and the positioned message (file:line:col: key: message), no stack trace, and
// generate writes no workflow. Before: an alias cycle overflowed the stack (exit 1, "unexpected error"),
// 2,000 custom spokes generated a 2.86 MB workflow of 2,001 jobs, a 100k-key mapping took minutes.

const project = { name: 'demo' };
const build = { command: 'make', path: 'out/demo' };

function customEntries(n: number): Record<string, { run: string }> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`deploy-${i}`, { run: `./deploy ${i}` }]));
}

function billionLaughs(): string {
  const lines = ['project: { name: demo }', 'x-lol:', '  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i += 1) lines.push(`  l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

interface Case {
  text: string | Buffer;
  /** Every line that must appear on stderr, after `deployforge.yml:`. */
  expected: string[];
  /** The commands to run it through, when not all three (the big inputs: their speed is the unit tests' matter). */
  commands?: string[];
}

const CASES: Record<string, Case> = {
  'alias cycle': {
    text: 'project: &p {name: demo, self: *p}\n',
    expected: ['1:32: project.self: alias *p refers to the node that contains it'],
  },
  'alias bomb': {
    text: billionLaughs(),
    expected: ['6:47: x-lol.l3[7]: aliases expand to more than 10,000 values'],
  },
  'build.files entries that are options or leave the repository': {
    text: stringify({ project, build: { ...build, files: ['README.md', '-rf', '--help', '..\\secrets.env', 'C:\\x'] } }),
    expected: ['8:7: build.files[1]: expected a path relative to the repository root', '9:7: build.files[2]:', '10:7: build.files[3]:', '11:7: build.files[4]:'],
  },
  '2,000 custom spokes': {
    text: stringify({ project, build, platforms: { custom: customEntries(2000) } }),
    expected: [
      '7:3: platforms.custom: 2,000 custom spokes; at most 240 are allowed',
      '7:3: platforms.custom: the release workflow would run 2,009 jobs',
    ],
  },
  'a build matrix of 300 targets': {
    text: stringify({ project, build: { ...build, targets: Array.from({ length: 300 }, () => 'linux-x64') } }),
    expected: ["6:3: build.targets: 300 targets would make a build matrix of 300 combinations; GitHub allows at most 256 in one job's matrix"],
  },
  '100,000 keys in one mapping': {
    text: `project: {name: demo}\nx-huge: {${Array.from({ length: 100_000 }, (_, i) => `k${i.toString(36)}: 1`).join(', ')}}\n`,
    expected: ['2:1: x-huge: unknown key "x-huge"'],
    commands: ['validate'],
  },
  'a workflow file over 500 KB (generate renders it: validate and plan cannot know its size)': {
    text: stringify({ project, build, platforms: { custom: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`d${i}-${'x'.repeat(1000)}`, { run: './deploy' }])) } }),
    expected: ['8:5: platforms.custom: the generated workflow would be'],
    commands: ['generate'],
  },
  'a file saved as UTF-16 (the printf from the review: a byte-order mark, then ASCII)': {
    text: Buffer.from('\xff\xfeproject:\n', 'latin1'),
    expected: ['1:1: the file is UTF-16 (little-endian), with a byte-order mark; save it as UTF-8'],
  },
  'a byte that is not UTF-8 (a Latin-1 file)': {
    text: Buffer.from('project:\n  name: d\xe9mo\n', 'latin1'),
    expected: ['2:10: byte 0xe9 is not valid UTF-8 (the file may be Latin-1 or Windows-1252); save it as UTF-8'],
    commands: ['validate'],
  },
  'a file over 1 MiB': {
    text: `project: {name: demo}\n#${'x'.repeat(1024 * 1024)}\n`,
    expected: ['1:1: the file is 1,048,600 bytes; a deployforge.yml may be at most 1,048,576 bytes (1 MiB)'],
  },
};

const COMMANDS: Record<string, string[]> = {
  validate: ['validate'],
  plan: ['plan', '--version', '1.0.0'],
  generate: ['generate'],
};

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'df-hostile-'));
  for (const [name, { text }] of Object.entries(CASES)) {
    const dir = join(root, name.replace(/[^a-z0-9]+/gi, '-'));
    mkdirSync(dir);
    writeFileSync(join(dir, 'deployforge.yml'), text);
  }
});

const table = Object.entries(CASES).flatMap(([name, c]) => (c.commands ?? Object.keys(COMMANDS)).map((command) => [name, command, c] as const));

describe('hostile configs through the built CLI', () => {
  test.each(table)('%s: %s exits 2 with the positioned error', async (name, command, { expected }) => {
    const cwd = join(root, name.replace(/[^a-z0-9]+/gi, '-'));
    const run = await runBuiltCli(COMMANDS[command]!, { cwd });
    expect(run.code, run.stderr.slice(0, 2000)).toBe(2);
    expect(run.stdout).toBe('');
    for (const line of expected) expect(run.stderr, run.stderr.slice(0, 2000)).toContain(`deployforge.yml:${line}`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toMatch(/RangeError|TypeError|unexpected error/);
    expect(existsSync(join(cwd, '.github')), 'generate wrote nothing').toBe(false);
  }, 60_000);
});
