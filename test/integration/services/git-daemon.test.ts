import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertReachable, clientEnv, runOk, testServices, uniqueName } from '../../helpers/services.js';

// Proves `git daemon` serves and accepts pushes to bare repos under DEPLOYFORGE_TEST_GIT_ROOT: the stand-in
// for a Homebrew tap or Scoop bucket remote when token auth is not what is being tested.
describe('git daemon (git:// on 127.0.0.1:9418)', () => {
  const env = testServices();
  const name = `${uniqueName('tap')}.git`;
  const gitEnv = clientEnv();
  let work = '';

  beforeAll(async () => {
    await assertReachable('git daemon', env.DEPLOYFORGE_TEST_GIT_DAEMON);
    work = mkdtempSync(join(tmpdir(), 'df-gitd-'));
    // Like a tap that already exists on GitHub: the daemon serves repos, it does not create them.
    await runOk('git', ['init', '-q', '--bare', '-b', 'main', join(env.DEPLOYFORGE_TEST_GIT_ROOT, name)], { env: gitEnv });
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
    rmSync(join(env.DEPLOYFORGE_TEST_GIT_ROOT, name), { recursive: true, force: true });
  });

  it('accepts a push and serves a clone of it', async () => {
    const remote = `${env.DEPLOYFORGE_TEST_GIT_DAEMON}${name}`;
    const src = join(work, 'src');
    const formula = 'class Tool < Formula\n  version "1.2.3"\nend\n';
    await runOk('git', ['init', '-q', '-b', 'main', src], { env: gitEnv });
    writeFileSync(join(src, 'tool.rb'), formula);
    await runOk('git', ['add', 'tool.rb'], { cwd: src, env: gitEnv });
    await runOk('git', ['commit', '-q', '-m', 'tool 1.2.3'], { cwd: src, env: gitEnv });
    await runOk('git', ['push', '-q', remote, 'main'], { cwd: src, env: gitEnv });

    const clone = join(work, 'clone');
    await runOk('git', ['clone', '-q', remote, clone], { env: gitEnv });
    expect(readFileSync(join(clone, 'tool.rb'), 'utf8')).toBe(formula);
    const [pushed, cloned] = await Promise.all(
      [src, clone].map(async (dir) => (await runOk('git', ['rev-parse', 'HEAD'], { cwd: dir, env: gitEnv })).trim()),
    );
    expect(cloned).toBe(pushed);
  });
});
