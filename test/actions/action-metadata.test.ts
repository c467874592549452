import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { renderActionFiles } from '../../packages/actions/src/runtime/render-action-files.js';
import { repoRoot } from '../helpers/repo-root.js';

const actionFiles = ['action.yml', ...readdirSync(join(repoRoot, 'actions')).map((d) => `actions/${d}/action.yml`)];
const schema = JSON.parse(readFileSync(join(repoRoot, '../shared/schemas/github/github-action.json'), 'utf8')) as object;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

interface ActionYml {
  name: string;
  description: string;
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; main: string };
}

describe('action metadata', () => {
  test('generated publish actions and the root action are fresh (npx tsx scripts/gen-actions.ts)', () => {
    for (const file of renderActionFiles()) {
      expect(readFileSync(join(repoRoot, file.path), 'utf8'), `${file.path} is stale: run npx tsx scripts/gen-actions.ts`).toBe(file.contents);
    }
  });

  test.each(actionFiles)('%s: valid per the official action schema, complete, runs a committed bundle on node24', (file) => {
    const doc = parse(readFileSync(join(repoRoot, file), 'utf8')) as ActionYml;
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.description.length).toBeGreaterThan(20);
    for (const [name, input] of Object.entries(doc.inputs ?? {})) {
      expect(name, 'inputs are kebab-case').toMatch(/^[a-z][a-z0-9-]*$/);
      expect(input.description, `${file}: input ${name} has a description`).toBeTruthy();
      if (input.default === 'true' || input.default === 'false' || ['force', 'dry-run', 'draft-until-complete'].includes(name)) {
        expect(['true', 'false'], `${file}: boolean input ${name} has a default`).toContain(input.default);
      }
    }
    for (const [name, output] of Object.entries(doc.outputs ?? {})) expect(output.description, `${file}: output ${name}`).toBeTruthy();
    expect(doc.runs.using).toBe('node24');
    expect(existsSync(join(repoRoot, dirname(file), doc.runs.main)), `${file} runs ${doc.runs.main}: run npm run build`).toBe(true);
  });
});
