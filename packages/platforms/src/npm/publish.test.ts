import { describe, expect, test } from 'vitest';
import { renderContext } from '../../../../test/fixtures/npm/example-context.js';
import { GITHUB_PACKAGES_FLAVOR, NPM_FLAVOR, resolveNpmSettings } from './npm-settings.js';
import type { PackedPackage } from './pack-packages.js';
import { isDuplicateVersionError, publishDocument } from './publish.js';
import { NpmRegistryError } from './registry-client.js';

const packed: PackedPackage = {
  name: '@acme/tool-linux-x64',
  manifest: { name: '@acme/tool-linux-x64', version: '1.0.0', description: 'd', os: ['linux'] },
  tarball: { path: '/w/x.tgz', size: 10, integrity: 'sha512-abc', shasum: 'def', contentSha512: '0' },
};
const yaml = (block: string) => `project: { name: tool }\nbuild: { targets: [linux-x64] }\nplatforms:\n${block}\n`;

describe('publishDocument (the body npm publish PUTs, minus the attachment)', () => {
  test('npm: version manifest with dist, the dist-tag, access', () => {
    const ctx = renderContext(yaml("  npm: { scope: '@acme', registry: 'http://127.0.0.1:4873' }"));
    expect(publishDocument(resolveNpmSettings(ctx, NPM_FLAVOR), packed, '1.0.0')).toEqual({
      _id: '@acme/tool-linux-x64',
      name: '@acme/tool-linux-x64',
      description: 'd',
      'dist-tags': { latest: '1.0.0' },
      versions: {
        '1.0.0': {
          name: '@acme/tool-linux-x64', version: '1.0.0', description: 'd', os: ['linux'],
          _id: '@acme/tool-linux-x64@1.0.0',
          dist: { integrity: 'sha512-abc', shasum: 'def', tarball: 'http://127.0.0.1:4873/@acme/tool-linux-x64/-/@acme/tool-linux-x64-1.0.0.tgz' },
        },
      },
      access: 'public',
    });
  });

  test('github-packages: no access field; prerelease goes to next', () => {
    const ctx = renderContext(yaml("  github-packages: { scope: '@acme' }"), '1.0.0-rc.1');
    const doc = publishDocument(resolveNpmSettings(ctx, GITHUB_PACKAGES_FLAVOR), packed, '1.0.0-rc.1');
    expect(doc).not.toHaveProperty('access');
    expect(doc['dist-tags']).toEqual({ next: '1.0.0-rc.1' });
  });
});

describe('isDuplicateVersionError', () => {
  test.each([
    [403, 'You cannot publish over the previously published versions: 1.0.0.', true],
    [409, 'this package is already present', true],
    [409, 'Cannot modify pre-existing version', true],
    [403, 'You do not have permission to publish "tool"', false],
    [500, 'cannot publish over', false],
  ])('%i %s → %s', (status, text, want) => {
    expect(isDuplicateVersionError(new NpmRegistryError(`PUT x answered HTTP ${status}`, status, JSON.stringify({ error: text })))).toBe(want);
  });
});
