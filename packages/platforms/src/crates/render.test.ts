import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { renderContext } from '../pypi/test-context.js';
import { renderCrates } from './render.js';

const file = (path: string) => readFileSync(fileURLToPath(new URL(`../../../../${path}`, import.meta.url)), 'utf8');

describe('renderCrates', () => {
  test.each([
    'examples/rust-cli/deployforge.yml',
    'test/fixtures/good-configs/contract-example.yml',
    'test/fixtures/good-configs/every-platform.yml',
    'test/fixtures/good-configs/empty-blocks.yml',
  ])('%s', (path) => {
    const files = renderCrates(renderContext(file(path), '0.1.0'));
    expect(files.map((f) => f.path)).toEqual(['cargo-publish.json']);
    expect(JSON.parse(String(files[0]!.contents))).toMatchSnapshot();
  });

  test('an alternative registry gets --registry and its own index', () => {
    const files = renderCrates(renderContext('project: { name: demo }\nbuild: { targets: [linux-x64] }\nplatforms: { crates: { registry: my-reg, index: "sparse+https://reg.example/index/", path: crates/demo } }\n'));
    expect(JSON.parse(String(files[0]!.contents))).toEqual({
      crate: 'demo', version: '1.2.3', path: 'crates/demo', registry: 'my-reg', index: 'sparse+https://reg.example/index/',
      command: ['cargo', 'publish', '--allow-dirty', '--registry', 'my-reg'],
    });
  });
});
