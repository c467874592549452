import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { repoRoot } from '../helpers/repo-root.js';
import { runActionBundle } from '../helpers/run-action-bundle.js';
import { clientEnv } from '../helpers/services.js';
import { startPlatformRig, type PlatformRig, type RigTokens } from '../reliability/platform-rig.js';
import { startEchoServer, type EchoServer } from './echo-server.js';
import { canariesInFiles, canariesInTexts, type CanaryHit } from './find-canaries.js';

// Issue 10 item 3: every credential is a unique canary string; a full local release (every platform
// with a local server or fake, snap as a dry run), then the same release against servers that echo
// each request (Authorization header and body) back in a 500, then the publish and summarize bundles
// under node24. No canary may appear in stdout, stderr, status.json, the dashboard, job summaries,
// action outputs, or any file in the work dirs the runs used.

const tag = randomBytes(6).toString('hex');
const canary = (platform: string): string => `canary-${platform}-${tag}`;
const tokens: RigTokens = {
  github: canary('github'), pypi: canary('pypi'), cargo: canary('cargo'), chocolatey: canary('chocolatey'),
  docker: canary('docker'), vsce: canary('vsce'), ovsx: canary('ovsx'),
};
/** Credentials of the real servers in the first run: secrets too, so they are searched for as well. */
let realSecrets: string[] = [];
let rig: PlatformRig;
let echo: EchoServer;
let ghEcho: EchoServer;
const searched = { texts: 0, files: 0 };
/** The first run's status.json, for the bundle check at the end. */
let firstStatus: { platforms: Record<string, { status: string; detail?: string }> } | undefined;

beforeAll(async () => {
  rig = await startPlatformRig(tokens);
  const key = rig.env.AUR_SSH_PRIVATE_KEY!;
  // The key's longest base64 line stands for the key: any leak of the key text contains it.
  const keyLine = key.split('\n').reduce((a, b) => (b.length > a.length ? b : a), '');
  realSecrets = [rig.env.NPM_TOKEN!, rig.env.HOMEBREW_TAP_TOKEN!, keyLine];
  echo = await startEchoServer();
  ghEcho = await startEchoServer({ passReadsTo: rig.gh.url });
}, 120_000);
afterAll(async () => {
  process.stderr.write(`[canaries] searched ${searched.texts} texts and ${searched.files} files\n`);
  await Promise.all([rig?.close(), echo?.close(), ghEcho?.close()]);
});

interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real CLI (committed bundle) as a child process, with its temp dirs under `tmp` so they can be searched. */
function deployforge(args: string[], env: Record<string, string>, tmp: string): Promise<ChildRun> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/deployforge.js'), ...args], { cwd: rig.project, env: { ...env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function expectNoCanary(secrets: readonly string[], texts: Record<string, string>, dirs: string[]): void {
  const hits: CanaryHit[] = canariesInTexts(secrets, texts);
  searched.texts += Object.keys(texts).length;
  for (const dir of dirs) {
    const found = canariesInFiles(secrets, dir);
    searched.files += found.files;
    hits.push(...found.hits);
  }
  expect(hits, 'canaries found').toEqual([]);
}

/** Every secret of a run, as the redactor should know them. */
const allCanaries = (): string[] => [...Object.values(tokens), canary('npm'), canary('git'), canary('aur')];

describe('secret canaries', () => {
  test('a full local release with canary credentials leaks none of them', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'df-canary-run-'));
    const run = await deployforge(['release', '--version', rig.version, '--artifacts', rig.artifacts, '--dry-run-platforms', rig.dryRunPlatforms.join(',')], rig.env, tmp);
    expect(run.code, run.stderr).toBe(0);
    process.stderr.write(`[canaries] first run statuses: ${run.stdout.split('\n').filter((l) => /\b(published|failed|needs-human|dry-run|skipped)\b/.test(l)).map((l) => l.trim().split(/\s{2,}/).slice(0, 2).join('=')).join(', ')}\n`);
    const dashboard = await deployforge(['dashboard', '--status', join(rig.project, '.deployforge/status.json'), '--out', join(tmp, 'dashboard')], rig.env, tmp);
    expect(dashboard.code, dashboard.stderr).toBe(0);
    const status = readFileSync(join(rig.project, '.deployforge/status.json'), 'utf8');
    firstStatus = JSON.parse(status) as typeof firstStatus;
    // The canaries were really used: the fakes only accept them.
    expect(rig.pypi.acceptedUploads()).toBeGreaterThan(0);
    expect(rig.gh.writeCount()).toBeGreaterThan(0);
    expect(rig.oci.tokenRequests.some((t) => t.ok)).toBe(true);
    expectNoCanary([...Object.values(tokens), ...realSecrets], {
      stdout: run.stdout, stderr: run.stderr, 'status.json': status, 'dashboard stdout': dashboard.stdout, 'dashboard stderr': dashboard.stderr,
    }, [tmp, join(rig.project, '.deployforge'), rig.mirror]);
    // What was published (formula, manifests, PKGBUILD…) carries no credential either.
    for (const repo of Object.values(rig.git)) {
      const history = await import('node:child_process').then(({ execFileSync }) => execFileSync('git', ['--git-dir', repo.path, 'log', '-p', '--all'], { encoding: 'utf8', env: clientEnv() }));
      expectNoCanary([...Object.values(tokens), ...realSecrets], { [`${repo.name} history`]: history }, []);
    }
  }, 300_000);

  test('servers that echo the request (Authorization and body) in their errors: still no canary anywhere', async () => {
    // Same version (the release exists: the hub only reads, through a proxy that echoes any write),
    // every spoke's remote on the echo server, every credential a canary, the real servers' too.
    const config = parse(readFileSync(join(rig.project, 'deployforge.yml'), 'utf8')) as Record<string, any>;
    const e = echo.url;
    Object.assign(config.platforms, {
      npm: { ...config.platforms.npm, registry: `${e}/npm/` },
      pypi: { ...config.platforms.pypi, repository: `${e}/legacy/`, index: `${e}/pypi/` },
      crates: { ...config.platforms.crates, index: `sparse+${e}/index/` },
      docker: { ...config.platforms.docker, images: [`${echo.host}/acme/echo-forge`] },
      homebrew: { ...config.platforms.homebrew, tap: `${e}/acme/homebrew-tap.git` },
      scoop: { ...config.platforms.scoop, bucket: `${e}/acme/scoop-bucket.git` },
      nix: { ...config.platforms.nix, repository: `${e}/acme/nix.git` },
      huggingface: { ...config.platforms.huggingface, remote: `${e}/spaces/acme/echo` },
      chocolatey: { ...config.platforms.chocolatey, source: `${e}/api/v2/package` },
    });
    writeFileSync(join(rig.project, 'deployforge-echo.yml'), stringify(config));
    const env: Record<string, string> = {
      ...rig.env,
      GITHUB_API_URL: ghEcho.url,
      GITHUB_SERVER_URL: ghEcho.url,
      NPM_TOKEN: canary('npm'),
      HOMEBREW_TAP_TOKEN: canary('git'), SCOOP_BUCKET_TOKEN: canary('git'), NIX_REPO_TOKEN: canary('git'), HF_TOKEN: canary('git'),
      AUR_SSH_PRIVATE_KEY: `-----BEGIN OPENSSH PRIVATE KEY-----\n${canary('aur')}\n-----END OPENSSH PRIVATE KEY-----\n`,
      DEPLOYFORGE_VSCE_MARKETPLACE_URL: `${e}/vsce`,
      DEPLOYFORGE_OVSX_URL: `${e}/ovsx`,
      DEPLOYFORGE_AUR_RPC_URL: `${e}/aur`,
    };
    const tmp = mkdtempSync(join(tmpdir(), 'df-canary-echo-'));
    const out = join(tmp, 'out');
    const run = await deployforge(['release', '--config', 'deployforge-echo.yml', '--version', rig.version, '--artifacts', rig.artifacts, '--dry-run-platforms', 'snap', '--out', out], env, tmp);
    // Required platforms fail against the echo server: exit 1, reported, not thrown.
    expect(run.code, run.stderr).toBe(1);
    expect(echo.withCredentials(), 'the echo server was sent credentials (and echoed them)').toBeGreaterThan(3);
    const status = readFileSync(join(out, 'status.json'), 'utf8');
    expect(JSON.parse(status).platforms.npm.status).toBe('failed');
    const dashboard = await deployforge(['dashboard', '--status', join(out, 'status.json'), '--out', join(tmp, 'dashboard')], env, tmp);
    expect(dashboard.code, dashboard.stderr).toBe(0);
    // The echoed text did reach the messages (with the secrets redacted), so redaction was exercised.
    const echoedInto = [run.stderr, status].filter((t) => t.includes('echo of your request')).length;
    process.stderr.write(`[canaries] echo run: ${echo.echoed.length} requests echoed (${echo.withCredentials()} with credentials), ${ghEcho.echoed.length} GitHub writes echoed, echo text in ${echoedInto} of stderr/status.json\n`);
    expectNoCanary(allCanaries(), {
      stdout: run.stdout, stderr: run.stderr, 'status.json': status, 'dashboard stdout': dashboard.stdout, 'dashboard stderr': dashboard.stderr,
    }, [tmp]);
  }, 300_000);

  test('publish and summarize bundles (node24) against echoing servers: no canary in logs, outputs or the job summary', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'df-canary-bundles-'));
    const config = join(rig.project, 'deployforge-echo.yml');
    const base = { config, version: rig.version, force: 'false', 'dry-run': 'false', 'github-token': tokens.github };
    const env = { GITHUB_API_URL: ghEcho.url, GITHUB_SERVER_URL: ghEcho.url, GITHUB_REPOSITORY: 'acme/hello-forge', TMPDIR: tmp, DEPLOYFORGE_OVSX_URL: `${echo.url}/ovsx`, DEPLOYFORGE_VSCE_MARKETPLACE_URL: `${echo.url}/vsce` };
    const runs = {
      npm: await runActionBundle('publish-npm', { cwd: rig.project, inputs: { ...base, 'npm-token': canary('npm') }, env }),
      pypi: await runActionBundle('publish-pypi', { cwd: rig.project, inputs: { ...base, 'pypi-token': tokens.pypi }, env }),
      homebrew: await runActionBundle('publish-homebrew', { cwd: rig.project, inputs: { ...base, 'homebrew-tap-token': canary('git') }, env }),
      chocolatey: await runActionBundle('publish-chocolatey', { cwd: rig.project, inputs: { ...base, 'chocolatey-api-key': tokens.chocolatey }, env }),
      winget: await runActionBundle('publish-winget', { cwd: rig.project, inputs: { ...base, 'winget-token': tokens.github }, env }),
    };
    const texts: Record<string, string> = {};
    const needs: Record<string, { result: string; outputs: Record<string, string> }> = {};
    for (const [id, r] of Object.entries(runs)) {
      expect(r.outputs.status, `${id}: ${r.stdout}`).toMatch(/failed|skipped|needs-human|published/);
      // `::add-mask::<secret>` is the runner's masking command: consumed by the runner, never shown,
      // and the one line that must name the secret. Every credential input must be masked so.
      const masked = r.stdout.split('\n').filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length).trim());
      expect(masked, `${id}: the GitHub token is masked`).toContain(tokens.github);
      const logged = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
      Object.assign(texts, { [`${id} stdout`]: logged, [`${id} stderr`]: r.stderr, [`${id} summary`]: r.summary, [`${id} outputs`]: JSON.stringify(r.outputs) });
      needs[`publish-${id}`] = { result: r.code === 0 ? 'success' : 'failure', outputs: r.outputs };
    }
    const summarize = await runActionBundle('summarize', { cwd: rig.project, inputs: { results: JSON.stringify({ plan: { result: 'success', outputs: { version: rig.version, tag: `v${rig.version}` } }, ...needs }), config, 'output-dir': join(tmp, 'status') }, env });
    Object.assign(texts, { 'summarize stdout': summarize.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'), 'summarize stderr': summarize.stderr, 'summarize summary': summarize.summary, 'summarize outputs': JSON.stringify(summarize.outputs) });
    expect(summarize.summary.length, summarize.stdout).toBeGreaterThan(0);
    expectNoCanary(allCanaries(), texts, [tmp]);
  }, 300_000);

  // Found here: the committed bundle once failed the vscode spoke ("Cannot find module
  // './impl/format'": jsonc-parser's UMD build); scripts/build.mjs now bundles its ESM build.
  test('the committed CLI bundle publishes the VS Code extension', () => {
    expect(firstStatus?.platforms.vscode?.status, firstStatus?.platforms.vscode?.detail).toBe('published');
  });
});
