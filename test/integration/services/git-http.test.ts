import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertReachable, clientEnv, run, runOk, testServices, uniqueName } from '../../helpers/services.js';

// Proves the smart-HTTP git server authenticates like GitHub does for Actions tokens
// (https://x-access-token:<token>@host/owner/repo.git): the right token pushes, a wrong or missing one is refused.
describe('git smart HTTP (127.0.0.1:8418, x-access-token auth)', () => {
  const env = testServices();
  const name = `${uniqueName('bucket')}.git`;
  // No credential helper from the machine's config may answer in our place.
  const gitEnv = clientEnv();
  const git = (args: string[], cwd?: string) => run('git', ['-c', 'credential.helper=', ...args], { cwd, env: gitEnv });
  const url = (token?: string): string => {
    const u = new URL(name, env.DEPLOYFORGE_TEST_GIT_HTTP);
    if (token !== undefined) {
      u.username = 'x-access-token';
      u.password = token;
    }
    return u.toString();
  };
  let work = '';
  let src = '';

  beforeAll(async () => {
    await assertReachable('git HTTP server', env.DEPLOYFORGE_TEST_GIT_HTTP);
    work = mkdtempSync(join(tmpdir(), 'df-githttp-'));
    await runOk('git', ['init', '-q', '--bare', '-b', 'main', join(env.DEPLOYFORGE_TEST_GIT_ROOT, name)], { env: gitEnv });
    src = join(work, 'src');
    await runOk('git', ['init', '-q', '-b', 'main', src], { env: gitEnv });
    writeFileSync(join(src, 'tool.json'), '{"version": "1.2.3"}\n');
    await runOk('git', ['add', 'tool.json'], { cwd: src, env: gitEnv });
    await runOk('git', ['commit', '-q', '-m', 'tool 1.2.3'], { cwd: src, env: gitEnv });
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
    rmSync(join(env.DEPLOYFORGE_TEST_GIT_ROOT, name), { recursive: true, force: true });
  });

  it('refuses a push with a wrong token', async () => {
    const result = await git(['push', url('not-the-token'), 'main'], src);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Authentication failed|40[13]/);
  });

  it('refuses a push without credentials', async () => {
    const result = await git(['push', url(), 'main'], src);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/could not read Username|Authentication failed|40[13]/);
  });

  it('answers 401 with a Basic challenge to an anonymous request', async () => {
    const response = await fetch(`${url()}/info/refs?service=git-upload-pack`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
  });

  it('accepts a push with the token and serves a clone of it', async () => {
    const token = env.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN;
    const pushed = await git(['push', url(token), 'main'], src);
    expect(pushed.code, pushed.stderr).toBe(0);

    const clone = join(work, 'clone');
    const cloned = await git(['clone', '-q', url(token), clone]);
    expect(cloned.code, cloned.stderr).toBe(0);
    expect(readFileSync(join(clone, 'tool.json'), 'utf8')).toBe('{"version": "1.2.3"}\n');
    const heads = await Promise.all(
      [src, clone].map(async (dir) => (await runOk('git', ['rev-parse', 'HEAD'], { cwd: dir, env: gitEnv })).trim()),
    );
    expect(heads[1]).toBe(heads[0]);
  });
});
