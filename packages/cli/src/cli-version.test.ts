import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { CLI_VERSION } from './cli-version.js';

test('deployforge --version matches package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(CLI_VERSION).toBe(pkg.version);
});
