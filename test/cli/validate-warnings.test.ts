import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runInProcess } from '../helpers/in-process-cli.js';

test('validate: status.pages beside status.branch is a positioned warning on stderr, exit 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'df-validate-warning-'));
  writeFileSync(join(dir, 'deployforge.yml'), [
    'project: { name: demo }',
    'build: { binary: demo, command: make, path: demo, targets: [linux-x64] }',
    'status:',
    '  pages: true',
    '  branch: gh-pages',
    '',
  ].join('\n'));
  const { code, stdout, stderr } = await runInProcess(['validate'], { cwd: dir, env: {} });
  expect(code, stderr).toBe(0);
  expect(stdout).toContain('deployforge.yml is valid');
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^warning: \S*deployforge\.yml:4:10: status\.pages: ignored: status\.branch is set too, and the dashboard is published to the branch "gh-pages" only \(status\.branch takes the place of status\.pages\); remove one of the two$/);
});
