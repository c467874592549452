import { describe, expect, test } from 'vitest';
import { withRedactedOutput, type CliIo } from './cli-io.js';

describe('withRedactedOutput', () => {
  test('both streams mask the env secrets (any form) and Authorization values; cwd, env and isTTY pass through', () => {
    const written = { stdout: '', stderr: '' };
    const env = { GITHUB_TOKEN: 'ghp_cliCanary0123456789', NPM_TOKEN: 'npm_cliCanary0123456789', HOME: '/home/me' };
    const raw: CliIo = { stdout: (t) => (written.stdout += t), stderr: (t) => (written.stderr += t), cwd: '/work', env, isTTY: false };
    const io = withRedactedOutput(raw);
    io.stderr(`deployforge: unexpected error: echo\nauthorization: token ${env.GITHUB_TOKEN}\nproxy: Basic ${Buffer.from(`x-access-token:${env.NPM_TOKEN}`).toString('base64')}\n`);
    io.stdout(`${JSON.stringify({ ok: false, errors: [{ message: `{"authorization":"Bearer unknown-token-value"} ${env.HOME}` }] })}\n`);
    expect(written.stderr).toBe('deployforge: unexpected error: echo\nauthorization: token ***\nproxy: Basic ***\n');
    expect(JSON.parse(written.stdout)).toEqual({ ok: false, errors: [{ message: '{"authorization":"Bearer ***"} /home/me' }] });
    expect({ cwd: io.cwd, env: io.env, isTTY: io.isTTY }).toEqual({ cwd: '/work', env, isTTY: false });
  });
});
