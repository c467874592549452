import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { parseConfig } from '@deployforge/config';
import { createMemoryLogger, isSecretName } from '@deployforge/diagnostics';
import { createGitHubClient } from '@deployforge/github';
import { runHub } from '@deployforge/hub';
import { PLATFORMS, SPOKE_IDS } from '@deployforge/catalog';
import { parseVersionInput } from '@deployforge/version';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { repoRoot } from '../helpers/repo-root.js';
import { runActionBundle, type ActionRun } from '../helpers/run-action-bundle.js';
import { clientEnv } from '../helpers/services.js';
import { standInArtifacts } from '../reliability/release-project.js';
import { canariesInFiles, canariesInTexts, canaryNeedles, type CanaryHit } from './find-canaries.js';
import { ECHO_STATUSES, startStatusEchoServer, type StatusEchoServer } from './status-echo-server.js';

// Issue 22 item 1: a GitHub API (and registries) whose error bodies echo the request, headers
// included, for 401/403/404/422/500/502. Every CLI command and the action bundles that talk to
// GitHub run with a canary in every credential variable and input; no canary may appear, raw,
// URL-encoded or base64-encoded (alone or as `x-access-token:CANARY`, `user:CANARY`…), in any
// stdout, stderr, status.json, job summary, action output or file the runs wrote.

const tag = randomBytes(6).toString('hex');
/** `+` so the URL-encoded form differs from the raw one. */
const canary = (name: string): string => `canary+${name.toLowerCase().replace(/_/g, '-')}+${tag}`;
const REPOSITORY = 'acme/echo-forge';
const TARGETS = ['linux-x64', 'windows-x64'] as const;
/** Published before the runs (read paths); NEW is released by the runs (the hub's writes are echoed). */
const PUBLISHED = '1.0.0';
const NEW = '2.0.0';

/** Every credential the platform catalog knows, plus GitHub's and the signing key's. */
const credentialNames = [...new Set([
  ...SPOKE_IDS.flatMap((id) => PLATFORMS[id].credentials.map((c) => c.name)),
  'GITHUB_TOKEN', 'GH_TOKEN', 'NODE_AUTH_TOKEN', 'GPG_PRIVATE_KEY', 'GPG_PASSPHRASE',
])];
/** A user name is an identity, not a secret (it is part of image names the outputs must carry). */
const secretCredentialNames = credentialNames.filter((n) => !n.endsWith('_USERNAME'));
const credentials: Record<string, string> = Object.fromEntries(secretCredentialNames.map((n) => [n, canary(n)]));
credentials.GPG_PRIVATE_KEY = `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${canary('GPG_PRIVATE_KEY')}\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----\n`;
const canaries = secretCredentialNames.map((n) => canary(n));
const needles = canaryNeedles(canaries);

let gh: GitHubFake;
let echo: StatusEchoServer;
let project: string;
let artifacts: string;
const searched = { texts: 0, files: 0, runs: 0 };

/** One config per status: every remote a spoke writes to sits behind that status's echo. */
function writeConfig(status: number, mode: 'all' | 'reads', extra: Record<string, unknown> = {}): string {
  const e = echo.base(status, 'all');
  const config = {
    project: { name: 'echo-forge', description: 'canary project', license: 'MIT', repository: REPOSITORY, homepage: 'https://example.test/echo-forge', maintainer: 'Acme <dev@acme.test>' },
    version: { from: 'input', 'tag-prefix': 'v' },
    build: { binary: 'echo-forge', targets: [...TARGETS], command: 'true', path: 'echo-forge' },
    release: { checksums: true, notes: 'none', ...extra },
    required: ['npm'],
    platforms: {
      npm: { package: 'echo-forge', registry: `${e}/npm/`, provenance: false },
      pypi: { package: 'echo-forge-bin', repository: `${e}/legacy/`, index: `${e}/pypi/` },
      homebrew: { tap: 'acme/homebrew-tap' },
      chocolatey: { package: 'echo-forge', source: `${e}/api/v2/package` },
      winget: { 'package-id': 'Acme.EchoForge', fork: 'acme-bot/winget-pkgs', upstream: 'microsoft/winget-pkgs' },
    },
  };
  const name = `deployforge-${status}-${mode}${Object.keys(extra).length > 0 ? '-signed' : ''}.yml`;
  writeFileSync(join(project, name), stringify(config));
  return name;
}

/** The env of a run: canaries everywhere, GitHub (API and git) behind the echo. */
function runEnv(status: number, mode: 'all' | 'reads', tmp: string): Record<string, string> {
  const base = echo.base(status, mode);
  return clientEnv({
    ...credentials,
    DOCKER_USERNAME: 'echo-bot',
    GITHUB_API_URL: base,
    GITHUB_SERVER_URL: echo.base(status, 'all'),
    GITHUB_REPOSITORY: REPOSITORY,
    TMPDIR: tmp,
    DEPLOYFORGE_VSCE_MARKETPLACE_URL: `${base}/vsce`,
    DEPLOYFORGE_OVSX_URL: `${base}/ovsx`,
    DEPLOYFORGE_AUR_RPC_URL: `${base}/aur`,
  }) as Record<string, string>;
}

interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function deployforge(args: string[], env: Record<string, string>): Promise<ChildRun> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/deployforge.js'), ...args], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Runs `jobs` a few at a time: the 5xx ones spend most of their time in the client's retry backoff. */
async function inPool<T>(jobs: (() => Promise<T>)[], size = 6): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  }));
  return results;
}

function leaks(texts: Record<string, string>, dirs: string[]): CanaryHit[] {
  const hits = canariesInTexts(needles, texts);
  searched.texts += Object.keys(texts).length;
  for (const dir of dirs) {
    const found = canariesInFiles(needles, dir);
    searched.files += found.files;
    hits.push(...found.hits);
  }
  return hits;
}

beforeAll(async () => {
  gh = await startGitHubFake({ token: credentials.GITHUB_TOKEN!, repos: [REPOSITORY, 'acme/homebrew-tap', 'acme-bot/winget-pkgs', 'microsoft/winget-pkgs'] });
  echo = await startStatusEchoServer({ githubFake: gh.url });
  project = mkdtempSync(join(tmpdir(), 'df-echo-canary-'));
  artifacts = await standInArtifacts('echo-forge', NEW, TARGETS);
  // A published release for the read paths (publish, verify, status…), made by the real hub.
  const published = await standInArtifacts('echo-forge', PUBLISHED, TARGETS);
  const loaded = parseConfig(readFileSync(join(project, writeConfig(401, 'all')), 'utf8'), 'deployforge.yml');
  const client = createGitHubClient({ token: credentials.GITHUB_TOKEN!, baseUrl: gh.url, log: createMemoryLogger(), retryBaseMs: 1, writeIntervalMs: 0 });
  await runHub({
    loaded, version: parseVersionInput(PUBLISHED, { tagPrefix: 'v', origin: 'test' }), artifacts: published, cwd: project,
    env: { GITHUB_REPOSITORY: REPOSITORY }, token: credentials.GITHUB_TOKEN!, log: createMemoryLogger(), force: false, dryRun: false, client,
  });
}, 120_000);

afterAll(async () => {
  process.stderr.write(`[echo canaries] ${searched.runs} runs; searched ${searched.texts} texts and ${searched.files} files for ${needles.length} needles\n`);
  await Promise.all([echo?.close(), gh?.close()]);
});

describe('servers whose errors echo the request: no canary in anything the CLI or the actions print or write', () => {
  test('every credential of the catalog is a secret by name (the redactor knows it without loading the platforms)', () => {
    expect(secretCredentialNames.filter((n) => !isSecretName(n))).toEqual([]);
    expect(secretCredentialNames.filter((n) => !isSecretName(`INPUT_${n.toLowerCase().replace(/_/g, '-')}`))).toEqual([]);
  });

  test.each(ECHO_STATUSES)('every CLI command, GitHub answering %i with an echo', async (status) => {
    const root = mkdtempSync(join(tmpdir(), `df-echo-cli-${status}-`));
    const all = writeConfig(status, 'all');
    const reads = writeConfig(status, 'reads');
    const runs: [string, 'all' | 'reads', string[]][] = [
      ['release', 'all', ['release', '--config', all, '--version', NEW, '--artifacts', artifacts, '--out', join(root, 'out-release')]],
      ['release (reads pass)', 'reads', ['release', '--config', reads, '--version', NEW, '--artifacts', artifacts, '--out', join(root, 'out-release-reads')]],
      ['check-exists', 'all', ['check-exists', '--config', all, '--version', PUBLISHED]],
      ['check-exists --json', 'reads', ['check-exists', '--config', reads, '--version', PUBLISHED, '--json']],
      ['verify', 'all', ['verify', PUBLISHED, '--config', all]],
      ['verify (reads pass)', 'reads', ['verify', PUBLISHED, '--config', reads]],
      ['status', 'all', ['status', '--config', all]],
      ['status --json', 'reads', ['status', '--config', reads, '--json']],
      ['publish npm', 'reads', ['publish', 'npm', '--config', reads, '--version', PUBLISHED]],
      ['publish winget', 'all', ['publish', 'winget', '--config', all, '--version', PUBLISHED]],
      ['plan', 'all', ['plan', '--config', all, '--version', NEW]],
      ['validate', 'all', ['validate', '--config', all]],
      ['rollback', 'all', ['rollback', '--config', all, '--to', PUBLISHED]],
      ['stats', 'all', ['stats', '--config', all]],
    ];
    const results = await inPool(runs.map(([name, mode, args]) => async () => {
      const tmp = join(root, `tmp-${name.replace(/\W+/g, '-')}`);
      mkdirSync(tmp);
      return { name, run: await deployforge(args, runEnv(status, mode, tmp)) };
    }));
    // The published version again, reads passing: the hub finds the release complete and skips,
    // every spoke fails against the echo, and status.json and the dashboard carry their details.
    const out = join(root, 'out-existing');
    const existingTmp = join(root, 'tmp-existing');
    mkdirSync(existingTmp);
    const existing = await deployforge(['release', '--config', reads, '--version', PUBLISHED, '--out', out], runEnv(status, 'reads', existingTmp));
    const statusJson = readFileSync(join(out, 'status.json'), 'utf8');
    expect(JSON.parse(statusJson).platforms.npm.status, existing.stderr).toBe('failed');
    const dashboard = await deployforge(['dashboard', '--status', join(out, 'status.json'), '--out', join(root, 'dashboard')], runEnv(status, 'reads', existingTmp));
    expect(dashboard.code, dashboard.stderr).toBe(0);
    results.push({ name: 'release (published version)', run: existing }, { name: 'dashboard', run: dashboard });
    searched.runs += results.length;
    const texts: Record<string, string> = { 'status.json': statusJson };
    for (const { name, run } of results) Object.assign(texts, { [`${name} stdout`]: run.stdout, [`${name} stderr`]: run.stderr });
    // The echo did reach the CLI's messages (with the credentials masked): redaction was exercised.
    expect(echo.echoed(status).withCredentials, 'requests with credentials were echoed').toBeGreaterThan(3);
    expect(Object.values(texts).some((t) => t.includes('echo of your request')), 'an echo was printed').toBe(true);
    expect(leaks(texts, [root, join(project, '.deployforge')]), 'canaries found').toEqual([]);
  }, 240_000);

  test.each(ECHO_STATUSES)('the action bundles that talk to GitHub (node24), GitHub answering %i with an echo', async (status) => {
    const root = mkdtempSync(join(tmpdir(), `df-echo-actions-${status}-`));
    const signed = writeConfig(status, 'all', { 'gpg-key': 'GPG_PRIVATE_KEY', 'gpg-passphrase': 'GPG_PASSPHRASE' });
    const inputsFor = (config: string): Record<string, string> => ({ config: join(project, config), version: PUBLISHED, force: 'false', 'dry-run': 'false' });
    const bundle = (name: string, mode: 'all' | 'reads', inputs: Record<string, string>) => async (): Promise<[string, ActionRun]> => {
      const tmp = join(root, `tmp-${name}-${mode}`);
      mkdirSync(tmp);
      return [`${name} (${mode})`, await runActionBundle(name, { cwd: project, inputs, env: runEnv(status, mode, tmp) })];
    };
    const all = writeConfig(status, 'all');
    const reads = writeConfig(status, 'reads');
    const runs = await inPool([
      bundle('create-release', 'reads', { ...inputsFor(reads), version: NEW, artifacts, token: credentials.GITHUB_TOKEN! }),
      bundle('create-release', 'all', { ...inputsFor(all), version: NEW, artifacts, token: credentials.GITHUB_TOKEN! }),
      bundle('check-exists', 'all', { ...inputsFor(all), platform: 'all', 'github-token': credentials.GITHUB_TOKEN! }),
      bundle('build-matrix', 'all', { ...inputsFor(all), platforms: 'all', token: credentials.GITHUB_TOKEN! }),
      bundle('prepare-release', 'all', { ...inputsFor(signed), version: NEW, artifacts, output: join(root, 'signed') }),
      bundle('publish-npm', 'reads', { ...inputsFor(reads), 'github-token': credentials.GITHUB_TOKEN!, 'npm-token': credentials.NPM_TOKEN! }),
      bundle('publish-chocolatey', 'reads', { ...inputsFor(reads), 'github-token': credentials.GITHUB_TOKEN!, 'chocolatey-api-key': credentials.CHOCOLATEY_API_KEY! }),
      bundle('publish-winget', 'all', { ...inputsFor(all), 'github-token': credentials.GITHUB_TOKEN!, 'winget-token': credentials.WINGET_TOKEN! }),
      bundle('publish-homebrew', 'reads', { ...inputsFor(reads), 'github-token': credentials.GITHUB_TOKEN!, 'homebrew-tap-token': credentials.HOMEBREW_TAP_TOKEN! }),
    ]);
    // The plan job's outputs are build-matrix's own (its GitHub lookup failed, which only makes the hub run).
    const plan = runs.find(([name]) => name.startsWith('build-matrix'))![1];
    expect(plan.outputs.plan, `${plan.stdout}${plan.stderr}`).toBeTruthy();
    const needs: Record<string, { result: string; outputs: Record<string, string> }> = { plan: { result: 'success', outputs: plan.outputs } };
    for (const [name, r] of runs) if (name.startsWith('publish-')) needs[name.split(' ')[0]!] = { result: r.code === 0 ? 'success' : 'failure', outputs: r.outputs };
    const summarizeTmp = join(root, 'tmp-summarize');
    mkdirSync(summarizeTmp);
    const summarize = await runActionBundle('summarize', {
      cwd: project, inputs: { results: JSON.stringify(needs), config: join(project, all), 'output-dir': join(root, 'status') }, env: runEnv(status, 'all', summarizeTmp),
    });
    runs.push(['summarize', summarize]);
    searched.runs += runs.length;
    expect(summarize.summary.length, `${summarize.stdout}${summarize.stderr}`).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'status', 'status.json'), 'utf8')).toContain('echo-forge');

    const texts: Record<string, string> = {};
    for (const [name, r] of runs) {
      // `::add-mask::<secret>` is the runner's masking command, consumed by the runner and never
      // shown: the one line allowed to hold a secret.
      const shown = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
      Object.assign(texts, { [`${name} stdout`]: shown, [`${name} stderr`]: r.stderr, [`${name} summary`]: r.summary, [`${name} outputs`]: JSON.stringify(r.outputs) });
    }
    expect(Object.values(texts).some((t) => t.includes('echo of your request')), 'an echo was printed').toBe(true);
    expect(leaks(texts, [root]), 'canaries found').toEqual([]);
  }, 240_000);
});
