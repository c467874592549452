import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { DEPLOYFORGE_RELEASE } from './deployforge-release.js';

test('DEPLOYFORGE_RELEASE is v + the version in package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(DEPLOYFORGE_RELEASE).toBe(`v${pkg.version}`);
});
