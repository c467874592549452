import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StatusDocument } from '@deployforge/status';
import { runCli } from '../../packages/cli/src/run-cli.js';
import { gitTips, serverWrites, startPlatformRig, type PlatformRig } from './platform-rig.js';

// Issue 10 item 1d: a re-run of a finished release writes nothing anywhere, counted at the servers
// (not from the spokes' own reports): the GitHub fake, verdaccio's counting proxy, the OCI registry
// proxy, the PyPI/crates/NuGet/extension-store fakes, and the tips of every git remote.

let rig: PlatformRig;

beforeAll(async () => {
  rig = await startPlatformRig({
    github: 'ghs_rerun_token_0123456789abcdef', pypi: 'pypi-rerun-token', cargo: 'cargo-rerun-token', chocolatey: 'choco-rerun-key',
    docker: 'docker-rerun-password', vsce: 'vsce-rerun-pat', ovsx: 'ovsx-rerun-pat',
  });
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

async function release(): Promise<{ code: number; status: StatusDocument; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    ['release', '--version', rig.version, '--artifacts', rig.artifacts, '--dry-run-platforms', rig.dryRunPlatforms.join(','), '--json'],
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: rig.project, env: rig.env, isTTY: false },
  );
  return { code, status: JSON.parse(stdout || '{}') as StatusDocument, stderr };
}

describe('a re-run of a finished release writes nothing on any platform', () => {
  test('first run publishes everywhere; the second makes zero writes, counted at every server', async () => {
    const first = await release();
    const summary = Object.entries(first.status.platforms ?? {}).map(([id, p]) => `${id}=${p.status}${p.status === 'failed' ? ` (${p.detail})` : ''}`);
    expect(first.code, `${summary.join('\n')}\n${first.stderr}`).toBe(0);
    for (const [id, p] of Object.entries(first.status.platforms)) {
      const expected = rig.dryRunPlatforms.includes(id) ? ['dry-run'] : ['published', 'needs-human'];
      expect(expected, `${id}: ${p.status} ${p.detail ?? ''}`).toContain(p.status);
    }
    const writesAfterFirst = serverWrites(rig);
    // Every counter moved on the first run, so a zero on the second means something.
    for (const [server, n] of Object.entries(writesAfterFirst)) expect(n, `${server} saw the first run's writes`).toBeGreaterThan(0);
    const tipsAfterFirst = await gitTips(rig);
    for (const [remote, tip] of Object.entries(tipsAfterFirst)) expect(tip, `${remote} has a commit`).toMatch(/^[0-9a-f]{40}$/);

    const second = await release();
    expect(second.code, second.stderr).toBe(0);
    for (const [id, p] of Object.entries(second.status.platforms)) {
      const expected = rig.dryRunPlatforms.includes(id) ? ['dry-run'] : ['skipped', 'needs-human'];
      expect(expected, `second run ${id}: ${p.status} ${p.detail ?? ''}`).toContain(p.status);
    }
    expect(second.status.release?.status).toBe('skipped');
    expect(serverWrites(rig), 'writes counted at the servers').toEqual(writesAfterFirst);
    expect(await gitTips(rig), 'git branch tips').toEqual(tipsAfterFirst);
    process.stderr.write(`[reliability d] first-run writes ${JSON.stringify(writesAfterFirst)}; second run: 0 writes on ${Object.keys(writesAfterFirst).length} servers and ${Object.keys(tipsAfterFirst).length} git remotes\n`);
  }, 300_000);
});
