import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertReachable, clientEnv, run, runOk, testServices, uniqueName } from '../../helpers/services.js';

// Proves the aurweb-like sshd takes an AUR package push the way aur.archlinux.org does: ssh as `aur`, a
// repository per package base at ssh://aur@host/<pkgbase>.git that exists as soon as it is first pushed.
describe('sshd (AUR emulation on 127.0.0.1:2222)', () => {
  const env = testServices();
  const pkg = uniqueName('deployforge-it');
  const remote = `ssh://${env.DEPLOYFORGE_TEST_SSH_USER}@${env.DEPLOYFORGE_TEST_SSH_HOST}:${env.DEPLOYFORGE_TEST_SSH_PORT}/${pkg}.git`;
  // What the AUR spoke will use in a workflow: its own key only, no known_hosts to maintain.
  const sshArgs = [
    ...['-i', env.DEPLOYFORGE_TEST_SSH_KEY, '-F', '/dev/null'],
    ...['-o', 'IdentitiesOnly=yes', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null'],
    ...['-o', 'LogLevel=ERROR', '-p', env.DEPLOYFORGE_TEST_SSH_PORT],
  ];
  const sshCommand = ['ssh', ...sshArgs].join(' ');
  const gitEnv = clientEnv({ GIT_SSH_COMMAND: sshCommand });
  const pkgbuild = [
    `pkgname=${pkg}-bin`,
    `pkgbase=${pkg}`,
    'pkgver=1.2.3',
    'pkgrel=1',
    "arch=('x86_64' 'aarch64')",
    "license=('MIT')",
    'package() { install -Dm755 tool "$pkgdir/usr/bin/tool"; }',
    '',
  ].join('\n');
  let work = '';

  beforeAll(async () => {
    await assertReachable('sshd', `${env.DEPLOYFORGE_TEST_SSH_HOST}:${env.DEPLOYFORGE_TEST_SSH_PORT}`);
    work = mkdtempSync(join(tmpdir(), 'df-aur-'));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('creates the package repository on first push and clones it back', async () => {
    const src = join(work, 'src');
    await runOk('git', ['init', '-q', '-b', 'master', src], { env: gitEnv });
    writeFileSync(join(src, 'PKGBUILD'), pkgbuild);
    writeFileSync(join(src, '.SRCINFO'), `pkgbase = ${pkg}\n\tpkgver = 1.2.3\n\tpkgrel = 1\n\npkgname = ${pkg}-bin\n`);
    await runOk('git', ['add', 'PKGBUILD', '.SRCINFO'], { cwd: src, env: gitEnv });
    await runOk('git', ['commit', '-q', '-m', 'Update to 1.2.3'], { cwd: src, env: gitEnv });
    await runOk('git', ['push', '-q', remote, 'master'], { cwd: src, env: gitEnv });
    const head = (await runOk('git', ['rev-parse', 'HEAD'], { cwd: src, env: gitEnv })).trim();

    // Clone with the rig's own command, which checks the host key against the generated known_hosts.
    const clone = join(work, 'clone');
    await runOk('git', ['clone', '-q', remote, clone], {
      env: clientEnv({ GIT_SSH_COMMAND: env.DEPLOYFORGE_TEST_AUR_GIT_SSH_COMMAND }),
    });
    expect(readFileSync(join(clone, 'PKGBUILD'), 'utf8')).toBe(pkgbuild);
    expect((await runOk('git', ['rev-parse', 'HEAD'], { cwd: clone, env: gitEnv })).trim()).toBe(head);
    expect((await runOk('git', ['branch', '--show-current'], { cwd: clone, env: gitEnv })).trim()).toBe('master');
  });

  it('refuses anything but git over ssh', async () => {
    const login = `${env.DEPLOYFORGE_TEST_SSH_USER}@${env.DEPLOYFORGE_TEST_SSH_HOST}`;
    const result = await run('ssh', [...sshArgs, login, 'id'], { env: gitEnv });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/only git-upload-pack\/git-receive-pack/);
  });

  it('refuses a key it does not know', async () => {
    const otherKey = join(work, 'other_key');
    await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', otherKey]);
    const result = await run('git', ['ls-remote', remote], {
      env: clientEnv({ GIT_SSH_COMMAND: sshCommand.replace(env.DEPLOYFORGE_TEST_SSH_KEY, otherKey) }),
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Permission denied/);
  });
});
