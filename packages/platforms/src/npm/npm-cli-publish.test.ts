import { describe, expect, test } from 'vitest';
import { renderContext } from '../../../../test/fixtures/npm/example-context.js';
import { npmPublishArgs, usesTrustedPublishing } from './npm-cli-publish.js';
import { NPM_FLAVOR, GITHUB_PACKAGES_FLAVOR, resolveNpmSettings } from './npm-settings.js';

// The trusted-publishing branch cannot run here (no OIDC issuer); its decisions and command line can.
const yaml = (block: string) => `project: { name: tool }\nbuild: { targets: [linux-x64] }\nplatforms:\n${block}\n`;

describe('trusted publishing branch', () => {
  const oidcEnv = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'req' };

  test('only with an OIDC request URL, no token, and on npm (GitHub Packages has no trusted publishing)', () => {
    const npm = { ...renderContext(yaml('  npm: {}')), env: oidcEnv };
    const settings = resolveNpmSettings(npm, NPM_FLAVOR);
    expect(usesTrustedPublishing(npm, settings, false)).toBe(true);
    expect(usesTrustedPublishing(npm, settings, true)).toBe(false);
    expect(usesTrustedPublishing({ ...npm, env: {} }, settings, false)).toBe(false);
    const gh = { ...renderContext(yaml("  github-packages: { scope: '@acme' }")), env: oidcEnv };
    expect(usesTrustedPublishing(gh, resolveNpmSettings(gh, GITHUB_PACKAGES_FLAVOR), false)).toBe(false);
  });

  test('the npm command line: registry, dist-tag, access, provenance when configured, and no secret', () => {
    const ctx = renderContext(yaml("  npm: { registry: 'https://npm.example/', access: restricted, scope: '@acme' }"), '2.0.0-beta.1');
    expect(npmPublishArgs('/w/tool.tgz', resolveNpmSettings(ctx, NPM_FLAVOR))).toEqual([
      'publish', '/w/tool.tgz', '--registry', 'https://npm.example/', '--tag', 'next', '--access', 'restricted', '--provenance', '--ignore-scripts',
    ]);
    const plain = renderContext(yaml('  npm: { provenance: false }'));
    expect(npmPublishArgs('/w/t.tgz', resolveNpmSettings(plain, NPM_FLAVOR))).not.toContain('--provenance');
  });
});
