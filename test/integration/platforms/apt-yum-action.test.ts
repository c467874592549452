import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBareRepo, type BareRepo } from '../../../packages/platforms/src/git-remote/test-support.js';
import { createReleaseFixture, FIXTURE_TOKEN, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { runActionBundle } from '../../helpers/run-action-bundle.js';
import { assertReachable, testServices } from '../../helpers/services.js';

// project.homepage is set: derived from the repository, it would take the fake's GITHUB_SERVER_URL in
// the action (the fixture's hub ran without it), and the spokes would rightly refuse the release's
// packages as other bytes than its archives build.
const config = (repository: string) => `
project: { name: hello-forge, description: Greets the forge, homepage: https://example.test/hello-forge, license: MIT, repository: acme/hello-forge, maintainer: Acme <dev@acme.test> }
build: { binary: hello-forge, targets: [linux-x64, linux-arm64] }
release: { linux-packages: [deb, rpm] }
platforms:
  apt: { repository: '${repository}' }
  yum: { repository: '${repository}' }
`;

/**
 * The committed bundles (dist/actions/publish-apt.js and publish-yum.js, `npm run build`) under
 * Node 24, as the publish jobs run them: credentials arrive as inputs (the key is multi-line), the
 * release and its packages are read from the GitHub fake, the repositories are written on the local
 * git server.
 */
describe('publish-apt and publish-yum action bundles', () => {
  const services = testServices();
  let fx: ReleaseFixture;
  let repo: BareRepo;
  const work = mkdtempSync(join(tmpdir(), 'df-linux-action-'));

  beforeAll(async () => {
    await assertReachable('git HTTP server', services.DEPLOYFORGE_TEST_GIT_HTTP);
    repo = await createBareRepo(services, 'packages');
    fx = await createReleaseFixture(config(repo.httpUrl), '1.0.0');
    writeFileSync(join(work, 'deployforge.yml'), config(repo.httpUrl));
  });
  afterAll(async () => {
    await fx?.close();
    repo?.remove();
    rmSync(work, { recursive: true, force: true });
  });

  it('each publishes once, then skips with nothing pushed; the key never reaches the log', async () => {
    const { privateKey } = await generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'Packages' }], format: 'armored' });
    const keyLine = privateKey.split('\n').find((l) => l.length > 40)!;
    const run = (action: 'publish-apt' | 'publish-yum') => runActionBundle(action, {
      cwd: work,
      inputs: { config: 'deployforge.yml', version: '1.0.0', 'github-token': FIXTURE_TOKEN, 'linux-repo-token': services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN, 'linux-repo-gpg-key': privateKey, 'dry-run': 'false', force: 'false' },
      env: { GITHUB_API_URL: fx.gh.url, GITHUB_SERVER_URL: fx.gh.url, GITHUB_REPOSITORY: 'acme/hello-forge' },
    });
    for (const [action, file] of [['publish-apt', 'deb/pool/main/h/hello-forge/hello-forge_1.0.0-1_arm64.deb'], ['publish-yum', 'rpm/hello-forge-1.0.0-1.aarch64.rpm']] as const) {
      const first = await run(action);
      expect(first.outputs['status'], first.stdout + first.stderr).toBe('published');
      expect(await repo.files()).toContain(file);
      const logged = (first.stdout + first.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
      expect(logged).not.toContain(keyLine);
      const tip = await repo.tip();
      const second = await run(action);
      expect(second.outputs['status'], second.stdout + second.stderr).toBe('skipped');
      expect(await repo.tip()).toBe(tip);
    }
  }, 180_000);
});
