import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import type { PlatformContext } from '@deployforge/platforms';
import { publishSpoke } from '@deployforge/publish';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pypiPlatform } from '../../../packages/platforms/src/pypi/index.js';
import { pypiSettings } from '../../../packages/platforms/src/pypi/pypi-settings.js';
import { releaseWheels } from '../../../packages/platforms/src/pypi/release-wheels.js';
import { startPypiFake, type PypiFake } from '../../fakes/pypi/index.js';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { clientEnv, run, runOk } from '../../helpers/services.js';

// The PyPI spoke against the in-process PyPI fake, with the real clients the fake is validated by:
// Debian's twine (upload, check) and pip (download, install into a fresh venv, run the script).
const TOKEN = 'pypi-AgEIcHlwaS5vcmcCJGRlcGxveWZvcmdlLXRlc3QtdG9rZW4';
const CANARY = 'pypi-CANARY-c4n4ry-must-never-appear-0123456789';

let pypi: PypiFake;
let fx: ReleaseFixture;
const scratch: string[] = [];
const tmp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};

beforeAll(async () => {
  pypi = await startPypiFake({ token: TOKEN });
  fx = await createReleaseFixture(
    [
      'project: { name: hello-forge, description: A tiny greeter, homepage: "https://example.test/hello", license: MIT, repository: acme/hello-forge }',
      'build: { binary: hello-forge, targets: [linux-x64, macos-arm64, windows-x64] }',
      'release: { notes: none }',
      `platforms: { pypi: { package: Hello_Forge.bin, repository: "${pypi.uploadUrl}", index: "${pypi.indexUrl}" } }`,
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await fx?.close();
  await pypi?.close();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A context whose pypi block points elsewhere (another package name) or whose project differs. */
function contextFor(options: { token?: string; dryRun?: boolean; package?: string; description?: string; log?: ReturnType<typeof createMemoryLogger> } = {}): PlatformContext {
  const ctx = fx.context({ env: { PYPI_TOKEN: options.token ?? TOKEN }, dryRun: options.dryRun ?? false, ...(options.log ? { log: options.log } : {}) });
  const pypiBlock = { ...ctx.config.platforms!.pypi!, ...(options.package ? { package: options.package } : {}) };
  return {
    ...ctx,
    config: {
      ...ctx.config,
      project: { ...ctx.config.project, ...(options.description ? { description: options.description } : {}) },
      platforms: { ...ctx.config.platforms, pypi: pypiBlock },
    },
  };
}

const spoke = (ctx: PlatformContext, secrets: string[] = [TOKEN]) =>
  publishSpoke({ key: 'pypi', platform: pypiPlatform, ctx, redact: createRedactor(secrets) });

const pipEnv = () => clientEnv({ PIP_CONFIG_FILE: '/dev/null', PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1', PYTHONDONTWRITEBYTECODE: '1' });

describe('pypi spoke against the PyPI fake', () => {
  test('first publish uploads one wheel per target; twine check passes; pip installs it and the script runs', async () => {
    const ctx = contextFor();
    const outcome = await spoke(ctx);
    expect(outcome.status, outcome.detail).toBe('published');
    expect(outcome.detail).toContain('uploaded 3 wheel(s)');
    expect([...pypi.state.files.keys()].sort()).toEqual([
      'hello_forge_bin-1.0.0-py3-none-macosx_11_0_arm64.whl',
      'hello_forge_bin-1.0.0-py3-none-manylinux_2_17_x86_64.whl',
      'hello_forge_bin-1.0.0-py3-none-win_amd64.whl',
    ]);
    expect(pypi.uploadRequests()).toBe(3);

    // twine's own validation of what we built (metadata, long description rendering).
    const dist = join(ctx.workDir, 'pypi', 'dist');
    const wheels = readdirSync(dist).filter((f) => f.endsWith('.whl')).map((f) => join(dist, f));
    const checked = await runOk('twine', ['check', '--strict', ...wheels], { env: pipEnv() });
    expect(checked.match(/PASSED/g)).toHaveLength(3);

    // pip, from the PEP 503 index, in a fresh venv: picks the manylinux wheel and puts the binary on PATH.
    const venv = tmp('df-venv-');
    await runOk('python3', ['-m', 'venv', venv], { timeoutMs: 120_000 });
    const install = await runOk(join(venv, 'bin', 'pip'), ['install', '--no-cache-dir', '--index-url', pypi.simpleUrl, 'hello-forge-bin'], { env: pipEnv(), timeoutMs: 120_000 });
    expect(install).toMatch(/Successfully installed hello-forge-bin-1\.0\.0|Successfully installed Hello_Forge\.bin-1\.0\.0/i);
    expect(await runOk(join(venv, 'bin', 'hello-forge'), [])).toBe('hello-forge 1.0.0 (linux-x64)\n');
  }, 240_000);

  test('a second run finds every wheel identical and writes nothing', async () => {
    const before = pypi.uploadRequests();
    const outcome = await spoke(contextFor());
    expect(outcome.status, outcome.detail).toBe('skipped');
    expect(outcome.existence?.state).toBe('identical');
    expect(outcome.detail).toContain('3 wheel(s) with the same sha256');
    expect(pypi.uploadRequests()).toBe(before);
  });

  test('status reads info.version from the JSON API', async () => {
    await expect(pypiPlatform.status(contextFor())).resolves.toMatchObject({ latest: '1.0.0' });
    const none = await pypiPlatform.status(contextFor({ package: 'never-published' }));
    expect(none.latest).toBeUndefined();
    expect(none.detail).toMatch(/never-published has no release on/);
  });

  test('pip download verifies the #sha256 fragment of the simple index', async () => {
    const dest = tmp('df-pipdl-');
    await runOk('python3', ['-m', 'pip', 'download', '--no-deps', '--no-cache-dir', '--index-url', pypi.simpleUrl, '--dest', dest, 'HELLO.forge_bin==1.0.0'], {
      env: pipEnv(), timeoutMs: 120_000,
    });
    expect(readdirSync(dest)).toEqual(['hello_forge_bin-1.0.0-py3-none-manylinux_2_17_x86_64.whl']);
  }, 120_000);

  test('dry run renders and writes nothing', async () => {
    const before = pypi.uploadRequests();
    const outcome = await spoke(contextFor({ dryRun: true, package: 'dry-run-only' }));
    expect(outcome.status, outcome.detail).toBe('dry-run');
    expect(outcome.existence?.state).toBe('absent');
    expect(outcome.files).toContain('dry_run_only-1.0.0-py3-none-win_amd64.whl/dry_run_only-1.0.0.dist-info/METADATA');
    expect(pypi.uploadRequests()).toBe(before);
    expect([...pypi.state.files.keys()].some((f) => f.startsWith('dry_run_only'))).toBe(false);
  });

  test('a bad token fails with a clear message, and the token appears nowhere', async () => {
    const log = createMemoryLogger();
    const outcome = await spoke(contextFor({ token: CANARY, package: 'canary-project', log }), [CANARY]);
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/PyPI refused the credentials \(403\): check that PYPI_TOKEN/);
    expect(outcome.detail).toContain('Invalid or non-existent authentication information');
    expect(JSON.stringify(outcome)).not.toContain(CANARY);
    expect(log.lines.join('\n')).not.toContain(CANARY);
    expect([...pypi.state.files.keys()].some((f) => f.startsWith('canary_project'))).toBe(false);
  });

  test('no token and no OIDC: failed, naming both ways to authenticate', async () => {
    const ctx = { ...contextFor({ package: 'no-credential' }), env: {} };
    const outcome = await spoke(ctx);
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/no PyPI credential: set the PYPI_TOKEN secret .* id-token: write/);
  });

  test('same file names with other bytes: different, refused, nothing uploaded', async () => {
    const before = pypi.uploadRequests();
    const outcome = await spoke(contextFor({ description: 'Another description, so other wheel bytes' }));
    expect(outcome.existence?.state).toBe('different');
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/never allows replacing a version/);
    expect(pypi.uploadRequests()).toBe(before);
  });

  test('a deleted file: its name is never accepted again, reported as such', async () => {
    const ctx = contextFor({ package: 'deleted-then-retried' });
    expect((await spoke(ctx)).status).toBe('published');
    pypi.deleteFile('deleted_then_retried-1.0.0-py3-none-win_amd64.whl');
    const outcome = await spoke(contextFor({ package: 'deleted-then-retried' }));
    expect(outcome.existence?.state).toBe('absent');
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/PyPI already has deleted_then_retried-1\.0\.0-py3-none-win_amd64\.whl as a deleted file, whose name PyPI never accepts again/);
    expect(outcome.detail).toContain('This filename has already been used');
  });

  test('a 502 that lost the answer of a stored upload: the retry meets "File already exists", same sha256, success', async () => {
    const before = pypi.uploadRequests();
    pypi.failNextUploads(1, 502, true);
    pypi.failNextUploads(1, 503, false);
    const log = createMemoryLogger();
    const outcome = await spoke(contextFor({ package: 'flaky-upload', log }));
    expect(outcome.status, outcome.detail).toBe('published');
    // 1st wheel: 502 after storing, retry → already exists with our digest. 2nd: 503, retry → stored. 3rd: fine.
    expect(pypi.uploadRequests() - before).toBe(5);
    expect([...pypi.state.files.keys()].filter((f) => f.startsWith('flaky_upload'))).toHaveLength(3);
    expect(log.lines.filter((l) => /retrying/.test(l))).toHaveLength(2);
    expect(log.lines.some((l) => /was already there with the same sha256/.test(l))).toBe(true);
  }, 60_000);

  test('a version without a PEP 440 form fails with a clear message', async () => {
    const ctx = contextFor({ package: 'no-pep440' });
    const { pypiVersion: _dropped, ...version } = ctx.version;
    const outcome = await spoke({ ...ctx, version: { ...version, version: '1.0.0-foo.1' } });
    expect(outcome.status).toBe('failed');
    expect(outcome.detail).toMatch(/1\.0\.0-foo\.1 has no PEP 440 form, so it cannot be published to PyPI/);
  });
});

describe('the PyPI fake speaks what twine speaks', () => {
  test('twine upload stores a wheel; a second upload is "File already exists"; --skip-existing accepts it', async () => {
    // A wheel of our own making under another name, uploaded by twine rather than by the spoke.
    const ctx = contextFor({ package: 'twine-probe' });
    const wheels = await releaseWheels(ctx, pypiSettings(ctx), pypiPlatform.render(ctx));
    const linux = wheels.find((w) => w.target === 'linux-x64')!;
    const upload = (args: string[] = [], password = TOKEN) =>
      run('twine', ['upload', '--non-interactive', '--disable-progress-bar', '--repository-url', pypi.uploadUrl, ...args, linux.path], {
        env: { ...pipEnv(), TWINE_USERNAME: '__token__', TWINE_PASSWORD: password }, timeoutMs: 60_000,
      });

    const bad = await upload([], CANARY);
    expect(bad.code).not.toBe(0);
    expect(`${bad.stdout}${bad.stderr}`).toMatch(/403/);

    const first = await upload();
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(pypi.state.files.get(linux.filename)?.sha256).toBe(linux.sha256);

    const again = await upload();
    expect(again.code).not.toBe(0);
    expect(`${again.stdout}${again.stderr}`).toMatch(/400 Bad Request[\s\S]*File already exists/);

    const skip = await upload(['--skip-existing']);
    expect(skip.code, skip.stderr + skip.stdout).toBe(0);
    expect(`${skip.stdout}${skip.stderr}`).toMatch(/Skipping|already exists/i);

    // The spoke finishes the release twine started: one wheel identical, two uploaded.
    const finish = await spoke(contextFor({ package: 'twine-probe' }));
    expect(finish.status, finish.detail).toBe('published');
    expect(finish.detail).toContain('uploaded 2 wheel(s)');
    expect(finish.detail).toContain('1 already there');
  }, 120_000);
});
