import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { decodePointer, schemaDiagnostics } from './ajv-messages.js';
import { closestMatch } from './did-you-mean.js';
import { NodeLocator } from './locate-node.js';
import { parseYaml } from './parse-yaml.js';

function diagnose(schema: object, text: string) {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
  const validate = ajv.compile(schema);
  const { doc, lineCounter } = parseYaml(text, 'x.yml');
  validate(doc.toJS());
  return schemaDiagnostics(validate.errors ?? [], new NodeLocator(doc, lineCounter), 'x.yml', new Set());
}

describe('ajv errors in plain words', () => {
  test('an anyOf that fails collapses into one message instead of one per branch', () => {
    const schema = {
      type: 'object',
      properties: {
        channel: {
          anyOf: [{ type: 'string', pattern: '^stable$' }, { type: 'array', items: { type: 'string' } }],
          'x-expected': 'a channel or a list of channels',
        },
      },
    };
    const found = diagnose(schema, 'channel: 5\n');
    expect(found).toEqual([
      { file: 'x.yml', line: 1, column: 10, path: 'channel', message: 'expected a channel or a list of channels, got 5' },
    ]);
  });

  test('a value that breaks several rules gets one message', () => {
    const schema = { type: 'object', properties: { name: { type: 'string', pattern: '^[a-z]+$', maxLength: 3, 'x-expected': 'a short lowercase name' } } };
    const found = diagnose(schema, 'name: TOOLONG\n');
    expect(found.map((d) => d.message)).toEqual(['expected a short lowercase name, got "TOOLONG"']);
  });

  test('received values are described, never echoed in full', () => {
    const schema = { type: 'object', properties: { name: { type: 'string', pattern: '^[a-z]+$', 'x-expected': 'a name' } } };
    const [only] = diagnose(schema, `name: "${'a'.repeat(30)}\\n${'B'.repeat(60)}"\n`);
    expect(only!.message).toMatch(/got "a{30} B{6}\.\.\."$/);
  });
});

describe('did you mean', () => {
  test.each([
    ['pakage', ['package', 'registry'], 'package'],
    ['pipy', ['npm', 'pypi', 'crates'], 'pypi'],
    ['nmp', ['npm', 'nix'], 'npm'],
    ['homebew', ['homebrew', 'scoop'], 'homebrew'],
    ['foo', ['npm', 'nix'], undefined],
    ['gitlab', ['github-packages', 'npm'], undefined],
  ])('%s among %j → %s', (word, candidates, expected) => {
    expect(closestMatch(word, candidates)).toBe(expected);
  });
});

test('JSON Pointers become key paths with numeric indexes', () => {
  expect(decodePointer('/platforms/custom/a~1b/env')).toEqual(['platforms', 'custom', 'a/b', 'env']);
  expect(decodePointer('/build/targets/2')).toEqual(['build', 'targets', 2]);
  expect(decodePointer('')).toEqual([]);
});
