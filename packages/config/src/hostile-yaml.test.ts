import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigurationError, type Diagnostic } from '@deployforge/diagnostics';
import { MAX_CONFIG_BYTES } from './config-limits.js';
import { loadConfig } from './load-config.js';
import { parseConfig } from './parse-config.js';

// YAML written to hurt: alias cycles and bombs, mappings of many thousands of keys, files past the size
// bound. Each must end in positioned diagnostics (a ConfigurationError: exit 2 in the CLI), quickly.

function diagnosticsOf(text: string, file = 'hostile.yml'): readonly Diagnostic[] {
  let thrown: unknown;
  try {
    parseConfig(text, file);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'the config was accepted').toBeInstanceOf(ConfigurationError);
  const error = thrown as ConfigurationError;
  expect(error.message).not.toMatch(/\n\s+at /);
  return error.diagnostics;
}

const where = (d: Diagnostic): string => `${d.line}:${d.column} ${d.path}`;

describe('alias cycles', () => {
  test('a mapping that aliases itself (`&p {self: *p}`) is a positioned error, not a stack overflow', () => {
    const found = diagnosticsOf('project: &p {name: demo, self: *p}\n');
    expect(found.map(where)).toEqual(['1:32 project.self']);
    expect(found[0]?.message).toContain('alias *p refers to the node that contains it');
  });

  test('a list that contains itself, in block style, deep inside the file', () => {
    const found = diagnosticsOf('project:\n  name: demo\nbuild:\n  files: &f\n    - README.md\n    - [LICENSE, *f]\n');
    expect(found.map(where)).toEqual(['6:17 build.files[1][1]']);
  });
});

describe('alias bombs', () => {
  /** "Billion laughs": each level repeats the one before ten times; 10 levels stand for 10^10 values. */
  function billionLaughs(levels: number): string {
    const lines = ['project: { name: demo }', 'x-lol:', '  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < levels; i += 1) lines.push(`  l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
    return `${lines.join('\n')}\n`;
  }

  test('is refused at the alias that crosses the bound, with the key path, before any value is expanded', () => {
    const found = diagnosticsOf(billionLaughs(10));
    expect(found).toHaveLength(1);
    // l1's and l2's aliases add 1,220 values; each of l3's stands for all of l2 (1,111), so its eighth crosses 10,000.
    expect(found.map(where)).toEqual(['6:47 x-lol.l3[7]']);
    expect(found[0]?.message).toContain('aliases expand to more than 10,000 values');
    expect(found[0]?.message).toContain('alias bomb');
  });

  test('a hundred levels (more values than a number can hold) end the same way', () => {
    expect(diagnosticsOf(billionLaughs(100)).map(where)).toEqual(['6:47 x-lol.l3[7]']);
  });

  test('ordinary reuse of a block through an alias is still fine', () => {
    const text = [
      'project: { name: demo }',
      'platforms:',
      '  custom:',
      '    docs: { run: ./deploy docs, env: &env { REGION: eu, BUCKET: b } }',
      '    site: { run: ./deploy site, env: *env }',
    ].join('\n');
    expect(parseConfig(`${text}\n`, 'ok.yml').config.platforms?.custom?.site?.env).toEqual({ REGION: 'eu', BUCKET: 'b' });
  });
});

describe('empty keys', () => {
  // `~`, `null` and `""` are all the key "" in the data: two of them are a duplicate, and an unknown
  // one is shown where it is written, not at the top of the file.
  test('`~:` and `"":` in one mapping are a duplicate, at the second', () => {
    const found = diagnosticsOf('project: {name: demo}\n~: 1\n"": 2\n');
    expect(found.map(where)).toEqual(['3:1 ']);
    expect(found[0]?.message).toContain('duplicate key ""');
  });

  test('a lone `null:` key is an unknown key at its line', () => {
    const found = diagnosticsOf('project: {name: demo}\nnull: 1\n');
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual(['2:1']);
    expect(found[0]?.message).toContain('unknown key ""');
  });
});

describe('huge mappings load in time linear in their keys', () => {
  // No timing assertion: these sizes finish in seconds when each key costs the same, and took minutes
  // when each key was compared with every earlier one (yaml's uniqueKeys, the locator's linear scan).
  test('100,000 keys in one mapping: one diagnostic, for the unknown key that holds them', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i.toString(36)}: 1`).join(', ');
    const found = diagnosticsOf(`project: {name: demo}\nx-huge: {${keys}}\n`);
    expect(found.map(where)).toEqual(['2:1 x-huge']);
  }, 60_000);

  test('30,000 unknown top-level keys: one positioned diagnostic each', () => {
    const text = `project: {name: demo}\n${Array.from({ length: 30_000 }, (_, i) => `k${i}: 1\n`).join('')}`;
    const found = diagnosticsOf(text);
    expect(found).toHaveLength(30_000);
    expect(where(found[0]!)).toBe('2:1 k0');
    expect(where(found[29_999]!)).toBe('30001:1 k29999');
  }, 60_000);

  test('100,000 repeats of one key: each repeat is a positioned duplicate', () => {
    const found = diagnosticsOf(`project: {name: demo}\n${'k: 1\n'.repeat(100_000)}`);
    expect(found).toHaveLength(99_999);
    expect(where(found[0]!)).toBe('3:1 k');
    expect(found[0]?.message).toContain('duplicate key "k"');
  }, 60_000);
});

describe('size and depth bounds', () => {
  test(`a file over ${MAX_CONFIG_BYTES} bytes is refused before it is parsed`, () => {
    const text = `project: {name: demo}\n# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`;
    const found = diagnosticsOf(text);
    expect(found.map(where)).toEqual(['1:1 ']);
    expect(found[0]?.message).toContain('at most 1,048,576 bytes (1 MiB)');
  });

  test('a file of exactly the bound is read', () => {
    const head = 'project: {name: demo}\n# ';
    const text = `${head}${'x'.repeat(MAX_CONFIG_BYTES - head.length - 1)}\n`;
    expect(Buffer.byteLength(text)).toBe(MAX_CONFIG_BYTES);
    expect(parseConfig(text, 'edge.yml').config.project.name).toBe('demo');
  });

  test('loadConfig refuses an oversized file by its size, naming the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'deployforge-big-')), 'deployforge.yml');
    writeFileSync(file, `project: {name: demo}\n${'#'.repeat(2 * MAX_CONFIG_BYTES)}\n`);
    await expect(loadConfig(file)).rejects.toThrow(`${file}:1:1: the file is 2,097,175 bytes`);
  });

  test('thousands of nested lists are a positioned error, not a crash', () => {
    const found = diagnosticsOf(`project: {name: demo}\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.line).toBe(2);
    expect(found[0]?.message).toContain('nested too deeply');
  });
});
