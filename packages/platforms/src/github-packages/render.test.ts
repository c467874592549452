import { describe, expect, test } from 'vitest';
import { renderContext } from '../../../../test/fixtures/npm/example-context.js';
import { GITHUB_PACKAGES_FLAVOR } from '../npm/npm-settings.js';
import { renderNpmFiles } from '../npm/render.js';
import { githubPackagesPlatform } from './index.js';

// The snapshots of the GitHub Packages rendering per example live with npm's (npm/render.test.ts):
// the same code renders both. Here: the platform object wires that code with its own flavor.
describe('github-packages render', () => {
  const yaml = `project: { name: tool }\nbuild: { targets: [linux-x64, macos-arm64] }\nplatforms:\n  github-packages: { scope: '@acme' }\n`;

  test('renders the npm packages under the owner scope', () => {
    const ctx = renderContext(yaml);
    const files = githubPackagesPlatform.render(ctx);
    expect(files).toEqual(renderNpmFiles(ctx, GITHUB_PACKAGES_FLAVOR));
    expect(files.map((f) => f.path)).toEqual([
      '@acme/tool-linux-x64/package.json', '@acme/tool-linux-x64/README.md',
      '@acme/tool-macos-arm64/package.json', '@acme/tool-macos-arm64/README.md',
      '@acme/tool/package.json', '@acme/tool/README.md', '@acme/tool/bin/tool.js',
    ]);
    expect(githubPackagesPlatform.id).toBe('github-packages');
  });

  test('the README does not send GitHub Packages users to npmjs.com', () => {
    const files = githubPackagesPlatform.render(renderContext(yaml));
    const readme = files.find((f) => f.path === '@acme/tool-linux-x64/README.md')!;
    expect(readme.contents).not.toContain('npmjs.com');
  });
});
