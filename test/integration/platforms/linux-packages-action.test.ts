import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBareRepo, type BareRepo } from '../../../packages/platforms/src/git-remote/test-support.js';
import { createReleaseFixture, FIXTURE_TOKEN, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { runActionBundle } from '../../helpers/run-action-bundle.js';
import { assertReachable, testServices } from '../../helpers/services.js';

const config = (repository: string) => `
project: { name: hello-forge, description: Greets the forge, license: MIT, repository: acme/hello-forge, maintainer: Acme <dev@acme.test> }
build: { binary: hello-forge, targets: [linux-x64, linux-arm64] }
platforms:
  linux-packages: { repository: '${repository}', formats: [deb, rpm] }
`;

/**
 * The committed bundle (dist/actions/publish-linux-packages.js, `npm run build`) under Node 24, as
 * the publish job runs it: credentials arrive as inputs (the key is multi-line), the release is read
 * from the GitHub fake, the repository is written on the local git server.
 */
describe('publish-linux-packages action bundle', () => {
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

  it('publishes once, then skips with nothing pushed; the key never reaches the log', async () => {
    const { privateKey } = await generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'Packages' }], format: 'armored' });
    const run = () => runActionBundle('publish-linux-packages', {
      cwd: work,
      inputs: { config: 'deployforge.yml', version: '1.0.0', 'github-token': FIXTURE_TOKEN, 'linux-repo-token': services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN, 'linux-repo-gpg-key': privateKey, 'dry-run': 'false', force: 'false' },
      env: { GITHUB_API_URL: fx.gh.url, GITHUB_SERVER_URL: fx.gh.url, GITHUB_REPOSITORY: 'acme/hello-forge' },
    });
    const first = await run();
    expect(first.outputs['status'], first.stdout + first.stderr).toBe('published');
    expect(await repo.files()).toContain('deb/pool/main/h/hello-forge/hello-forge_1.0.0-1_arm64.deb');
    const keyLine = privateKey.split('\n').find((l) => l.length > 40)!;
    const logged = (first.stdout + first.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    expect(logged).not.toContain(keyLine);
    const tip = await repo.tip();
    const second = await run();
    expect(second.outputs['status'], second.stdout + second.stderr).toBe('skipped');
    expect(await repo.tip()).toBe(tip);
  }, 180_000);
});
