import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { yamlStructureDiagnostics } from './yaml-structure-checks.js';
import { findExpressions, yamlToData } from './yaml-to-data.js';

const repoRoot = join(import.meta.dirname, '../../..');

function parsed(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  expect(doc.errors).toEqual([]);
  expect(yamlStructureDiagnostics(doc, lineCounter, 'x.yml')).toEqual([]);
  return doc;
}

/** What parseConfig did before: yaml's own toJS, then a search of the data it made. */
function reference(text: string) {
  const data: unknown = parsed(text).toJS({ maxAliasCount: 100 });
  const expressions: (string | number)[][] = [];
  findExpressions(data, [], expressions);
  return { data, expressions };
}

const sortPaths = (paths: readonly (readonly (string | number)[])[]) => paths.map((p) => JSON.stringify(p)).sort();

function expectSameAsYaml(text: string): void {
  const ours = yamlToData(parsed(text));
  const theirs = reference(text);
  expect(ours.data).toStrictEqual(theirs.data);
  expect(sortPaths(ours.expressions)).toEqual(sortPaths(theirs.expressions));
}

describe('yamlToData: the data yaml\'s toJS makes, and every ${{ in it', () => {
  test.each([
    ['scalars of every core type', 'a: 1\nb: 1.5\nc: true\nd: null\ne: ~\nf: "q"\ng: \'s\'\nh: 0x1f\ni: .inf\nj: !!str 12\nk: |\n  block\n  text\nl: >-\n  folded\n'],
    ['empty values and empty collections', 'a:\nb: {}\nc: []\nd: [ ]\n'],
    ['nesting', 'a: { b: [1, { c: [x, y] }, [z]] }\nlist:\n  - k: v\n    m: n\n  - plain\n'],
    ['a pair in a flow sequence is a one-key mapping', 'a: [x: 1, y]\n'],
    ['keys that are not strings', '1: one\ntrue: yes\nnull: n\n1.5: f\n'],
    ['an empty key', '? \n: v\n'],
    ['keys the prototype has', '__proto__: { polluted: 1 }\ntoString: x\nconstructor: y\nhasOwnProperty: z\n'],
    ['anchors and aliases share the value', 'base: &b { region: eu, list: [1, 2] }\none: *b\ntwo: { env: *b }\ns: &s text\nt: *s\n'],
    ['an anchored key', '&k key: v\nother: *k\n'],
    ['expressions in values, lists and keys', 'a: "${{ secrets.X }}"\nb: [ok, "x ${{ y }}"]\n"${{ k }}": { inner: "${{ not searched }}" }\nc: { d: plain }\n'],
    ['expressions reached through aliases', 'base: &b { run: "echo ${{ github.token }}", ok: plain }\nuse: *b\nnested: { again: *b }\nkey: &e "${{ e }}"\nvalue: *e\n'],
    ['an alias as a key', 'name: &n deploy\n*n : 1\n'],
    ['a collection as a key (left to yaml)', '? [a, b]\n: v\nother: "${{ x }}"\n'],
  ])('%s', (_what, text) => {
    expectSameAsYaml(text);
  });

  test('__proto__ becomes an own key, never the prototype', () => {
    const { data } = yamlToData(parsed('__proto__: { polluted: 1 }\n'));
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('an expression under an expression key is reported once, at the key', () => {
    expect(yamlToData(parsed('"${{ k }}": { a: "${{ v }}", b: [ "${{ w }}" ] }\n')).expressions).toEqual([['${{ k }}']]);
  });

  test('every config in examples/ and the test fixtures gives the same data as yaml', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.ya?ml$/.test(name)) files.push(full);
      }
    };
    walk(join(repoRoot, 'examples'));
    walk(join(repoRoot, 'test/fixtures'));
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
      // Files that are meant to fail parsing (bad-configs) are not data.
      if (doc.errors.length > 0 || yamlStructureDiagnostics(doc, lineCounter, file).length > 0) continue;
      expectSameAsYaml(text);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(50);
  });
});
