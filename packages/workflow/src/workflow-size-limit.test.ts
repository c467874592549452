import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { GITHUB_MAX_WORKFLOW_BYTES, parseConfig } from '@deployforge/config';
import { ConfigurationError } from '@deployforge/diagnostics';
import { renderReleaseWorkflow } from './render-release-workflow.js';

// Within every other limit, long custom entry names (each written several times: job id, plan output,
// needs, conditions) still make a workflow file GitHub will not start: generate refuses it, exit 2.

function config(entries: number, nameLength: number): string {
  const custom = Object.fromEntries(Array.from({ length: entries }, (_, i) => [`d${i}-${'x'.repeat(nameLength)}`, { run: './deploy' }]));
  return stringify({ project: { name: 'demo' }, build: { command: 'make', path: 'out/demo' }, platforms: { custom } });
}

describe(`a generated workflow over ${GITHUB_MAX_WORKFLOW_BYTES} bytes`, () => {
  test('is refused at platforms.custom, naming the limit', () => {
    const loaded = parseConfig(config(100, 1000), 'deployforge.yml');
    let thrown: unknown;
    try {
      renderReleaseWorkflow(loaded);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    const [problem] = (thrown as ConfigurationError).diagnostics;
    expect(problem).toMatchObject({ file: 'deployforge.yml', line: 8, column: 5, path: 'platforms.custom' });
    expect(problem?.message).toMatch(/^the generated workflow would be [\d,]+ bytes; GitHub starts no run from a workflow file over 500,000 bytes \(500 KB\)/);
  });

  test('the same entries with short names render', () => {
    expect(Buffer.byteLength(renderReleaseWorkflow(parseConfig(config(100, 10), 'deployforge.yml')))).toBeLessThan(GITHUB_MAX_WORKFLOW_BYTES);
  });
});
