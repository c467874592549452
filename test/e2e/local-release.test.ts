import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StatusDocument } from '@deployforge/status';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { runInProcess, type CliRun } from '../helpers/in-process-cli.js';
import { repoRoot } from '../helpers/repo-root.js';

const TOKEN = 'ghs_e2e_local_release_token_123456';
let gh: GitHubFake;
let project: string;
/** Bodies posted to the announce webhook (an in-process receiver on 127.0.0.1). */
const announced: string[] = [];
let webhook: Server;
let webhookUrl: string;

beforeAll(async () => {
  webhook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => { announced.push(body); res.writeHead(200).end('ok'); });
  });
  await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r));
  webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hooks/secret-token-abcdef0123456789`;
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/hello-forge'] });
  project = mkdtempSync(join(tmpdir(), 'df-e2e-'));
  for (const f of ['Cargo.toml', 'Cargo.lock', 'src', 'README.md', 'LICENSE']) cpSync(join(repoRoot, 'examples/rust-cli', f), join(project, f), { recursive: true });
  // The real build for this machine's target; the other targets need toolchains CI does not have.
  writeFileSync(join(project, 'deployforge.yml'), [
    'project: { name: hello-forge, repository: acme/hello-forge, license: MIT }',
    'version: { from: cargo }',
    'build:',
    '  binary: hello-forge',
    '  targets: [linux-x64]',
    '  command: cargo build --release --offline',
    '  path: target/release/hello-forge',
    '  files: [README.md, LICENSE]',
    'release: { notes: none }',
    'platforms: {}',
    '',
  ].join('\n'));
});
afterAll(async () => {
  await gh.close();
  await new Promise((r) => webhook.close(r));
});

function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runInProcess(args, { cwd: project, env: { ...process.env, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url, DEPLOYFORGE_ANNOUNCE_WEBHOOK: webhookUrl, ...env } });
}

describe('deployforge release on a real Rust project against the GitHub fake', () => {
  test('builds, releases, writes status.json; the second run writes nothing', async () => {
    const first = await cli(['release', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const status = JSON.parse(first.stdout) as StatusDocument;
    expect(status.project).toBe('hello-forge');
    expect(status.release?.status).toBe('published');
    expect(status.release?.assets.map((a) => a.name).sort()).toEqual(['SHA256SUMS', 'hello-forge-0.1.0-linux-x64.tar.gz', 'hello-forge-0.1.0.cdx.json']);
    expect(status.release?.checksums).toBe(true);
    expect(existsSync(join(project, '.deployforge/status.json'))).toBe(true);
    const release = gh.state.repos.get('acme/hello-forge')?.releases.find((r) => r.tagName === 'v0.1.0');
    expect(release?.draft).toBe(false);

    const writes = gh.writeCount();
    const second = await cli(['release'], { COLUMNS: '80' });
    expect(second.code, second.stderr).toBe(0);
    expect(gh.writeCount()).toBe(writes);
    expect(second.stdout).toMatch(/github \(hub\)\s+skipped/);
    // The summary table fits $COLUMNS, though the hub's url and detail alone are wider than that.
    const hub = (JSON.parse(readFileSync(join(project, '.deployforge/status.json'), 'utf8')) as StatusDocument).release!;
    expect(`github (hub)  skipped  v0.1.0  ${hub.url ?? ''}  ${hub.detail}`.length).toBeGreaterThan(80);
    for (const line of second.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    // Announced once, for the run that published; the webhook's secret path is never printed.
    expect(announced).toHaveLength(1);
    expect(JSON.parse(announced[0] as string)).toMatchObject({ event: 'deployforge.release', status: { project: 'hello-forge', version: '0.1.0' } });
    expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain('secret-token-abcdef0123456789');
    expect(JSON.parse(readFileSync(join(project, '.deployforge/status.json'), 'utf8')).release.status).toBe('skipped');
    // The other commands' tables fit $COLUMNS too (check-exists' detail names the release's URL).
    for (const args of [['status'], ['check-exists', '--version', '0.1.0']]) {
      const run = await cli(args, { COLUMNS: '60' });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/github/);
      for (const line of run.stdout.split('\n')) expect(line.length, `${args[0]}: ${line}`).toBeLessThanOrEqual(60);
    }
    expect(gh.violations()).toEqual([]);
  }, 180_000);

  test('bad input is refused before any request: exit 2', async () => {
    const before = gh.requests.length;
    // A file where --out's folder would go: found before the release, not after it ("unexpected error: ENOTDIR").
    const blocked = join(mkdtempSync(join(tmpdir(), 'df-out-blocked-')), 'a-file');
    writeFileSync(blocked, 'not a folder\n');
    for (const [args, message] of [
      [['release', '--version', 'nope'], /--version/],
      [['release', '--platforms', 'bogus'], /--platforms: "bogus"/],
      [['release', '--concurrency', '0'], /--concurrency: expected a whole number from 1 to 32, got 0/],
      [['release', '--concurrency', 'abc'], /--concurrency: expected a whole number from 1 to 32, got "abc"/],
      [['release', '--out', join(blocked, 'status')], /--out: cannot create the folder for status\.json at .*a-file\/status \(ENOTDIR\); expected a folder it can be written to/],
    ] as const) {
      const run = await cli([...args]);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
    expect(gh.requests.length).toBe(before);
  });

  test('no token is a clear user error', async () => {
    const { code, stderr } = await runInProcess(['release'], { cwd: project, env: { PATH: process.env.PATH } });
    expect(code).toBe(2);
    expect(stderr).toContain('GITHUB_TOKEN: not set');
  });
});
