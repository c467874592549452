import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createArchive } from '@deployforge/archive';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { startPypiFake, type PypiFake } from '../fakes/pypi/index.js';
import { repoRoot } from '../helpers/repo-root.js';
import { runBuiltCli } from './cli-process.js';

/**
 * The user's mistakes and outages are the user's: a failed build, publishing before the release
 * exists, an unreachable server. Each gets a message saying what happened and what to do, exit 1,
 * and never the "this is a bug" line, through the built CLI as a user runs it.
 */
const TOKEN = 'ghs_user_errors_token_0123456789';
const BUG_LINE = /unexpected error|This is a bug/;
let gh: GitHubFake;

beforeAll(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/hello', 'acme/conflict'] });
});
afterAll(async () => {
  await gh.close();
});

function project(yaml: string[], repository = 'acme/hello'): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-user-errors-'));
  writeFileSync(join(dir, 'deployforge.yml'), [
    `project: { name: hello, repository: ${repository}, license: MIT }`,
    'version: { from: input }',
    'build:',
    '  binary: hello',
    '  targets: [linux-x64]',
    ...yaml,
    '',
  ].join('\n'));
  return dir;
}

/** A 127.0.0.1 port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('user errors through the built CLI', () => {
  test('a failing build: its output whole, then what failed and what to do; exit 1, no "bug" line', async () => {
    // The first line reaches the pipe in two writes: the prefixer must not cut it in two.
    const dir = project([
      `  command: 'printf "error[E0425]: cannot find va"; sleep 0.2; printf "lue x\\n"; exit 3'`,
      '  path: target/release/hello',
      'release: { notes: none }',
      'platforms: {}',
    ]);
    const run = await runBuiltCli(['release', '--version', '1.0.0'], { cwd: dir, env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[build linux-x64] error[E0425]: cannot find value x\n');
    expect(run.stderr).toMatch(/the build for linux-x64 failed: build\.command exited with code 3/);
    expect(run.stderr).toMatch(/Fix the build or build\.command in deployforge\.yml and re-run, or pass --artifacts DIR/);
    expect(run.stderr).not.toMatch(BUG_LINE);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  }, 30_000);

  test('publish before the release exists: says to create the release first; exit 1, no "bug" line', async () => {
    const dir = project(['release: { notes: none }', 'platforms:', '  npm: { package: hello }']);
    const run = await runBuiltCli(['publish', 'npm', '--version', '1.0.0'], { cwd: dir, env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url, NPM_TOKEN: 'npm_user_errors_0123456789' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no release for v1\.0\.0 in acme\/hello yet/);
    expect(run.stderr).toMatch(/create the release first \(`deployforge release --version 1\.0\.0`/);
    expect(run.stderr).not.toMatch(BUG_LINE);
  }, 30_000);

  test('an asset that differs from the published release: says force or a new version; exit 1, no "bug" line', async () => {
    // A repository of its own: the PyPI tests below compare with acme/hello's newest release.
    const dir = project(['  path: bin/hello', 'release: { notes: none, attest: false, sbom: false }', 'platforms: {}'], 'acme/conflict');
    const artifacts = join(dir, 'artifacts');
    const binary = join(dir, 'hello');
    const archive = join(artifacts, 'hello-3.0.0-linux-x64.tar.gz');
    writeFileSync(binary, '#!/bin/sh\necho one\n', { mode: 0o755 });
    await createArchive('tar.gz', [{ source: binary, name: 'hello', mode: 0o755 }], archive);
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url };
    const first = await runBuiltCli(['release', '--version', '3.0.0', '--artifacts', artifacts], { cwd: dir, env });
    expect(first.code, first.stderr).toBe(0);
    // An interrupted re-run lost SHA256SUMS, so the hub runs again, now with a rebuilt archive.
    const release = gh.state.repos.get('acme/conflict')?.releases.find((r) => r.tagName === 'v3.0.0');
    const sums = release?.assets.find((a) => a.name === 'SHA256SUMS');
    const removed = await fetch(`${gh.url}/repos/acme/conflict/releases/assets/${sums?.id}`, { method: 'DELETE', headers: { authorization: `token ${TOKEN}` } });
    expect(removed.status).toBe(204);
    writeFileSync(binary, '#!/bin/sh\necho two\n', { mode: 0o755 });
    await createArchive('tar.gz', [{ source: binary, name: 'hello', mode: 0o755 }], archive);
    const second = await runBuiltCli(['release', '--version', '3.0.0', '--artifacts', artifacts], { cwd: dir, env });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/hello-3\.0\.0-linux-x64\.tar\.gz is already on the release with different content .*Re-run with force to replace it, or release a new version/);
    expect(second.stderr).not.toMatch(BUG_LINE);
  }, 60_000);

  test('GitHub refuses connections: one line per retry, then the URL; bounded; exit 1, no "bug" line', async () => {
    const port = await closedPort();
    const dir = project(['release: { notes: none }', 'platforms:', '  npm: { package: hello }']);
    const run = await runBuiltCli(['publish', 'npm', '--version', '1.0.0'], { cwd: dir, env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: `http://127.0.0.1:${port}`, NPM_TOKEN: 'npm_user_errors_0123456789' } });
    expect(run.code).toBe(1);
    const url = `http://127.0.0.1:${port}/repos/acme/hello/releases`;
    const retries = run.stderr.split('\n').filter((l) => l.startsWith(`warning: GET ${url}`));
    expect(retries.map((l) => l.replace(/.*; /, ''))).toEqual(['retry 1 of 3 in 1 s', 'retry 2 of 3 in 4 s', 'retry 3 of 3 in 9 s']);
    expect(retries[0]).toMatch(/ECONNREFUSED/);
    expect(run.stderr).toMatch(new RegExp(`deployforge: could not reach ${url.replace(/[.]/g, '\\.')}\\S*: connect ECONNREFUSED .* \\(tried 4 times\\)\\. Check the network`));
    expect(run.stderr).not.toMatch(BUG_LINE);
  }, 60_000);

  test('a wrong GITHUB_TOKEN (401): says the server refused the token and what to check; exit 1, no "bug" line, the token never printed', async () => {
    const wrong = 'ghp_wrong_token_user_errors_987654321';
    const dir = project(['release: { notes: none }', 'platforms:', '  npm: { package: hello }']);
    for (const args of [['status'], ['publish', 'npm', '--version', '1.0.0']]) {
      const run = await runBuiltCli(args, { cwd: dir, env: { GITHUB_TOKEN: wrong, GITHUB_API_URL: gh.url, NPM_TOKEN: 'npm_user_errors_0123456789' } });
      expect(run.code, `${args.join(' ')}:\n${run.stderr}`).toBe(1);
      expect(run.stderr).toMatch(/Bad credentials/);
      expect(run.stderr).toContain(`${gh.url} refused the token (HTTP 401 for ${gh.url}/repos/acme/hello/releases`);
      expect(run.stderr).toMatch(/check that it is set, current and for this server \(GITHUB_TOKEN/);
      expect(run.stderr).not.toMatch(BUG_LINE);
      expect(run.stdout + run.stderr).not.toContain(wrong);
    }
    // --json: the one document's message says what to check too, as stderr does.
    const json = await runBuiltCli(['status', '--json'], { cwd: dir, env: { GITHUB_TOKEN: wrong, GITHUB_API_URL: gh.url } });
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout) as { ok: boolean; errors: { message: string }[] };
    expect(doc.ok).toBe(false);
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0]!.message).toMatch(/^Bad credentials.* refused the token \(HTTP 401 for .*check that it is set, current and for this server/);
    expect(json.stdout).not.toContain(wrong);
  }, 60_000);

  test('release with a wrong GITHUB_TOKEN stops before the build: the refusal, exit 1, nothing built', async () => {
    const dir = project([
      `  command: 'touch built-marker && exit 3'`,
      '  path: target/release/hello',
      'release: { notes: none }',
      'platforms: {}',
    ]);
    const run = await runBuiltCli(['release', '--version', '1.0.0'], { cwd: dir, env: { GITHUB_TOKEN: 'ghp_wrong_token_user_errors_987654321', GITHUB_API_URL: gh.url } });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`refused the token (HTTP 401 for ${gh.url}/repos/acme/hello/releases`);
    expect(run.stderr).not.toMatch(/\[build linux-x64\]|the build for linux-x64 failed/);
    expect(existsSync(join(dir, 'built-marker')), 'the build ran before the token was found wrong').toBe(false);
    expect(run.stderr).not.toMatch(BUG_LINE);
  }, 60_000);

  test('an output path with a file where a folder must be: what is wrong with the path; exit 1, no "bug" line', async () => {
    const dir = project(['  command: cargo build --release', '  path: target/release/hello', 'platforms: {}']);
    writeFileSync(join(dir, 'a-file'), 'not a folder\n');
    const run = await runBuiltCli(['generate', '--output', 'a-file/release.yml', '--actions-ref', 'a'.repeat(40)], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/deployforge: ENOTDIR: not a directory, open '.*a-file\/release\.yml' \(a part of the path is a file, not a folder\): check the path and its permissions/);
    expect(run.stderr).not.toMatch(BUG_LINE);
  }, 30_000);

  test('GITHUB_API_URL names the web site (HTML answers, 200 or 404): says to use the API address, once, no retries; exit 1, no "bug" line', async () => {
    const dir = project(['release: { notes: none }', 'platforms:', '  npm: { package: hello }']);
    for (const status of [200, 404]) {
      const site = createHttpServer((_req, res) => {
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><html><body>GitHub</body></html>');
      });
      await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
      const url = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
      try {
        for (const args of [['status'], ['publish', 'npm', '--version', '1.0.0']]) {
          const run = await runBuiltCli(args, { cwd: dir, env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: url, NPM_TOKEN: 'npm_user_errors_0123456789' } });
          const what = `HTTP ${status}, ${args.join(' ')}:\n${run.stderr}`;
          expect(run.code, what).toBe(1);
          expect(run.stderr, what).toContain(`GET ${url}/repos/acme/hello/releases`);
          expect(run.stderr, what).toMatch(/answered with a web page \(text\/html; charset=utf-8\), not GitHub's REST API: GITHUB_API_URL must be the API's address \(https:\/\/api\.github\.com, or https:\/\/<host>\/api\/v3/);
          expect(run.stderr, what).not.toMatch(/retry \d of|<html|<!DOCTYPE/i);
          expect(run.stderr, what).not.toMatch(BUG_LINE);
        }
      } finally {
        await new Promise((r) => site.close(r));
      }
    }
  }, 60_000);

  test('a repository that does not exist (404): names the repository settings to check; exit 1, no "bug" line', async () => {
    const dir = project(['release: { notes: none }', 'platforms:', '  npm: { package: hello }'], 'acme/no-such-repo');
    const run = await runBuiltCli(['status'], { cwd: dir, env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url } });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`answered HTTP 404 for ${gh.url}/repos/acme/no-such-repo/releases`);
    expect(run.stderr).toMatch(/check the repository \(project\.repository or GITHUB_REPOSITORY\)/);
    expect(run.stderr).not.toMatch(BUG_LINE);
  }, 60_000);
});

describe('PyPI: the index follows the repository', () => {
  let pypi: PypiFake;
  let dir: string;
  beforeAll(async () => {
    pypi = await startPypiFake({ token: 'pypi-user-errors-token' });
    // A published release for status to compare with, and that version on the PyPI fake.
    const created = await fetch(`${gh.url}/repos/acme/hello/releases`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tag_name: 'v1.0.0', name: 'v1.0.0', draft: false }),
    });
    expect(created.status).toBe(201);
    pypi.state.files.set('hello-1.0.0-py3-none-manylinux_2_17_x86_64.whl', {
      project: 'hello', version: '1.0.0', filename: 'hello-1.0.0-py3-none-manylinux_2_17_x86_64.whl', path: '/nonexistent', size: 1,
      sha256: '0'.repeat(64), md5: '0'.repeat(32), blake2b256: '0'.repeat(64), uploadTime: new Date().toISOString(), metadata: {}, deleted: false,
    });
    dir = project(['release: { notes: none }', 'platforms:', `  pypi: { package: hello, repository: ${pypi.uploadUrl} }`]);
  });
  afterAll(async () => {
    await pypi.close();
  });

  test('status with `repository` and no `index` reads the live version from that server, not pypi.org', async () => {
    const run = await runBuiltCli(['status', '--platforms', 'pypi', '--json'], { cwd: dir, env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url } });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { platforms: Record<string, { state: string; live?: string; url?: string }> };
    expect(report.platforms.pypi).toMatchObject({ state: 'in-sync', live: '1.0.0', url: `${pypi.indexUrl}project/hello/` });
  }, 30_000);

  test('an unreachable index is named, with a line per retry', async () => {
    const port = await closedPort();
    const unreachable = project(['release: { notes: none }', 'platforms:', `  pypi: { package: hello, repository: 'http://127.0.0.1:${port}/legacy/' }`]);
    const run = await runBuiltCli(['status', '--platforms', 'pypi', '--json'], { cwd: unreachable, env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url } });
    expect(run.code).toBe(1);
    const url = `http://127.0.0.1:${port}/pypi/hello/json`;
    expect(run.stderr.split('\n').filter((l) => l.startsWith(`warning: GET ${url}: connect ECONNREFUSED`)).map((l) => l.replace(/.*; /, ''))).toEqual(['retry 1 of 2 in 1 s', 'retry 2 of 2 in 4 s']);
    const report = JSON.parse(run.stdout) as { platforms: Record<string, { state: string; detail: string }> };
    expect(report.platforms.pypi?.state).toBe('unknown');
    expect(report.platforms.pypi?.detail).toContain(`could not reach ${url}: connect ECONNREFUSED`);
  }, 30_000);

  test('Ctrl-C during status leaves nothing in TMPDIR either', async () => {
    // An index that takes the connection and never answers: status is then mid-flight, clone made.
    const sockets: Socket[] = [];
    let connected!: () => void;
    const reached = new Promise<void>((r) => (connected = r));
    const silent = createServer((socket) => {
      sockets.push(socket);
      connected();
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as { port: number };
    const hanging = project(['release: { notes: none }', 'platforms:', `  pypi: { package: hello, repository: 'http://127.0.0.1:${port}/legacy/' }`]);
    const tmp = mkdtempSync(join(tmpdir(), 'df-status-sigint-'));
    const child = spawn(process.execPath, [join(repoRoot, 'bin/deployforge.js'), 'status', '--platforms', 'pypi'], {
      cwd: hanging, env: { PATH: process.env.PATH ?? '', HOME: hanging, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url, TMPDIR: tmp }, stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    // A CLI that could not start must fail the test, not leave it waiting for the index.
    await Promise.race([reached, exited.then((signal) => { throw new Error(`the CLI ended (${signal}) before asking the index`); })]);
    expect(readdirSync(tmp).filter((n) => n.startsWith('deployforge-live-'))).toHaveLength(1);
    child.kill('SIGINT');
    // The signal still ends the process as a signal does (the shell sees an interrupted command).
    expect(await exited).toBe('SIGINT');
    expect(readdirSync(tmp)).toEqual([]);
    for (const socket of sockets) socket.destroy();
    await new Promise((r) => silent.close(r));
  }, 30_000);

  test('status leaves nothing in TMPDIR, git clones included', async () => {
    // A Homebrew tap as a local git repository: status clones it to read the formula.
    const tap = mkdtempSync(join(tmpdir(), 'df-status-tap-'));
    const git = (...args: string[]) => execFileSync('git', ['-C', tap, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args]);
    git('init', '-q', '-b', 'main');
    mkdirSync(join(tap, 'Formula'));
    writeFileSync(join(tap, 'Formula/hello.rb'), 'class Hello < Formula\n  version "1.0.0"\nend\n');
    git('add', '.');
    git('commit', '-q', '-m', 'hello 1.0.0');
    const both = project(['release: { notes: none }', 'platforms:', `  pypi: { package: hello, repository: ${pypi.uploadUrl} }`, `  homebrew: { tap: 'file://${tap}' }`]);
    const tmp = mkdtempSync(join(tmpdir(), 'df-status-tmp-'));
    const run = await runBuiltCli(['status', '--platforms', 'pypi,homebrew', '--json'], { cwd: both, env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url, TMPDIR: tmp } });
    const report = JSON.parse(run.stdout) as { platforms: Record<string, { state: string; detail: string }> };
    expect(report.platforms.homebrew, run.stderr).toMatchObject({ state: 'in-sync' });
    expect(report.platforms.pypi?.state).toBe('in-sync');
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
  }, 30_000);
});
