import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readActions, renderActionDocs } from '../../scripts/gen-action-docs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const files = renderActionDocs(root);

describe('action docs generated from action.yml are fresh', () => {
  test.each(files.map((f) => [f.path, f.contents] as const))('%s', (path, contents) => {
    const committed = readFileSync(join(root, path), 'utf8');
    expect(committed, `stale ${path}. Fix: npx tsx scripts/gen-action-docs.ts`).toBe(contents);
  });

  test('every input and output of every action is documented', () => {
    // Guards the generator itself: a parser change that dropped rows would otherwise pass freshness.
    const index = readFileSync(join(root, 'docs/actions.md'), 'utf8');
    for (const action of readActions(root)) {
      const doc = action.folder === '' ? index : readFileSync(join(root, 'actions', action.folder, 'README.md'), 'utf8');
      expect(action.inputs.length + action.outputs.length, action.uses).toBeGreaterThan(0);
      for (const input of action.inputs) expect(doc, `${action.uses} input ${input.name}`).toContain(`| \`${input.name}\` | ${input.required ? 'yes' : 'no'} |`);
      for (const output of action.outputs) expect(doc, `${action.uses} output ${output.name}`).toContain(`| \`${output.name}\` |`);
      expect(doc).toContain(`uses: ${action.uses}`);
      if (action.folder !== '') expect(index).toContain(`(../actions/${action.folder}/README.md)`);
    }
  });
});
