// The hub makes the installers: listed in SHA256SUMS, uploaded with the archives, and a re-run finds
// them identical. Both ways the workflow can run it: the release job alone (runHub writes them) and
// the sign job first (prepareRelease writes them, the release job uploads what it made). The
// install.sh on the release then installs from that release, downloaded as a user would.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { ConfigurationError, createMemoryLogger } from '@deployforge/diagnostics';
import { createGitHubClient, parseSha256Sums } from '@deployforge/github';
import { checkArtifactNames, collectReleaseArtifacts, prepareRelease, runHub } from '@deployforge/hub';
import { hostTarget, type TargetId } from '@deployforge/targets';
import { parseVersionInput } from '@deployforge/version';
import { startGitHubFake, type GitHubFake } from '../../fakes/github/index.js';
import { run } from '../../helpers/services.js';
import { writeRelease } from './release-server.js';

const TOKEN = 'ghs_installers_token_0123456789abcdef';
const host = hostTarget() as TargetId;
const TARGETS: TargetId[] = [host, 'macos-arm64', 'windows-x64'];
const config = (installers: string) => `
project: { name: demo, repository: acme/demo }
build: { binary: demo, targets: [${TARGETS.join(', ')}] }
release: { installers: ${installers}, sbom: false, notes: none }
platforms: {}
`;
const version = parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'test' });

let gh: GitHubFake;
let dir: string;
beforeEach(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/demo'] });
  dir = mkdtempSync(join(tmpdir(), 'df-hub-installers-'));
});
afterEach(async () => {
  expect(gh.violations()).toEqual([]);
  await gh.close();
  rmSync(dir, { recursive: true, force: true });
});

/** GitHub serves release downloads under <server>/<owner>/<repo>/releases/download; the fake under /download. */
const env = () => ({ GITHUB_REPOSITORY: 'acme/demo', GITHUB_SERVER_URL: `${gh.url}/download` });

async function archives(): Promise<string> {
  const out = join(dir, 'artifacts');
  await writeRelease(out, 'demo', 'demo', '1.0.0', TARGETS, mkdtempSync(join(dir, 'progs-')));
  rmSync(join(out, 'SHA256SUMS'));
  return out;
}

function hubOptions(yaml: string, artifacts: string) {
  const log = createMemoryLogger();
  const client = createGitHubClient({ token: TOKEN, baseUrl: gh.url, log, writeIntervalMs: 0, retryBaseMs: 1 });
  return { loaded: parseConfig(yaml, 'deployforge.yml'), version, artifacts, cwd: dir, env: env(), token: TOKEN, log, force: false, dryRun: false, client };
}

/** Downloads install.sh from the published release, as `curl -fsSL …/install.sh | sh` would, and runs it. */
async function installFromRelease(): Promise<{ code: number; stdout: string; stderr: string; home: string }> {
  const home = mkdtempSync(join(dir, 'home-'));
  const url = `${gh.url}/download/acme/demo/releases/download/v1.0.0/install.sh`;
  const result = await run('sh', ['-c', `curl -fsSL "${url}" | dash`], { env: { HOME: home, PATH: '/usr/bin:/bin' } });
  return { ...result, home };
}

describe('installers on the release', () => {
  test('release job alone: install.sh and install.ps1 uploaded and listed in SHA256SUMS; the published install.sh installs from the release; a re-run writes nothing', async () => {
    const hub = hubOptions(config('[sh, ps1]'), await archives());
    const result = await runHub(hub);
    expect(result.published).toBe(true);
    const release = gh.state.repo('acme/demo')!.releases[0]!;
    const names = release.assets.map((a) => a.name).sort();
    expect(names).toEqual(['SHA256SUMS', 'demo-1.0.0-macos-arm64.tar.gz', `demo-1.0.0-${host}.tar.gz`, 'demo-1.0.0-windows-x64.zip', 'install.ps1', 'install.sh'].sort());
    const sums = parseSha256Sums(readFileSync(release.assets.find((a) => a.name === 'SHA256SUMS')!.filePath!, 'utf8')).map((e) => e.name);
    expect(sums).toContain('install.sh');
    expect(sums).toContain('install.ps1');
    const sh = readFileSync(release.assets.find((a) => a.name === 'install.sh')!.filePath!, 'utf8');
    expect(sh).toContain(`DEFAULT_BASE_URL='${gh.url}/download/acme/demo/releases/download'`);
    expect(sh).toContain(`TARGETS='${[host, 'macos-arm64'].join(' ')}'`);

    const installed = await installFromRelease();
    expect(installed.code, installed.stderr).toBe(0);
    expect((await run(join(installed.home, '.local/bin/demo'), [])).stdout.trim()).toBe(`demo 1.0.0 ${host}`);

    const writes = gh.writeCount();
    expect((await runHub(hubOptions(config('[sh, ps1]'), hub.artifacts))).writes).toBe(0);
    expect(gh.writeCount()).toBe(writes);
  });

  test('sign job first: prepare-release writes the installers beside SHA256SUMS, the release job uploads them as they are, and a re-run of both writes nothing', async () => {
    const artifacts = await archives();
    const out = join(dir, 'signed');
    const log = createMemoryLogger();
    const yaml = config('true');
    const prepared = await prepareRelease({ loaded: parseConfig(yaml, 'deployforge.yml'), version, artifacts, outDir: out, cwd: dir, env: env(), log, dryRun: false });
    expect(prepared.files.map((f) => basename(f)).sort()).toEqual(['SHA256SUMS', 'install.ps1', 'install.sh']);
    expect(parseSha256Sums(readFileSync(prepared.checksums, 'utf8')).map((e) => e.name)).toEqual([
      ...['demo-1.0.0-macos-arm64.tar.gz', `demo-1.0.0-${host}.tar.gz`, 'demo-1.0.0-windows-x64.zip'].sort(), 'install.ps1', 'install.sh',
    ]);
    const hub = hubOptions(yaml, `${artifacts}\n${out}`);
    expect((await runHub(hub)).published).toBe(true);
    const release = gh.state.repo('acme/demo')!.releases[0]!;
    expect(readFileSync(release.assets.find((a) => a.name === 'install.sh')!.filePath!, 'utf8')).toBe(readFileSync(join(out, 'install.sh'), 'utf8'));
    const installed = await installFromRelease();
    expect(installed.code, installed.stderr).toBe(0);

    const writes = gh.writeCount();
    await prepareRelease({ loaded: parseConfig(yaml, 'deployforge.yml'), version, artifacts, outDir: out, cwd: dir, env: env(), log, dryRun: false });
    expect((await runHub(hubOptions(yaml, `${artifacts}\n${out}`))).writes).toBe(0);
    expect(gh.writeCount()).toBe(writes);
  });

  test('an install.sh among the artifacts is a stray file unless release.installers asks for it', async () => {
    const artifacts = await archives();
    writeFileSync(join(artifacts, 'install.sh'), '#!/bin/sh\n');
    const off = parseConfig(config('false'), 'deployforge.yml');
    const on = parseConfig(config('[sh]'), 'deployforge.yml');
    const files = (await collectReleaseArtifacts(artifacts, dir, on, version)).map((f) => basename(f));
    expect(files).toContain('install.sh');
    expect(checkArtifactNames([join(artifacts, 'install.sh')], on, version).unexpected).toEqual([]);
    const refused = await collectReleaseArtifacts(artifacts, dir, off, version).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConfigurationError);
    expect((refused as Error).message).toContain('unexpected artifacts/install.sh');
    expect((refused as Error).message).toContain('SHA256SUMS, an SBOM and signatures');
    // With installers on, a stray file is still refused, and the message names what may be there.
    writeFileSync(join(artifacts, 'notes.txt'), 'stray');
    const stray = await collectReleaseArtifacts(artifacts, dir, on, version).catch((e: unknown) => e);
    expect((stray as Error).message).toContain('unexpected artifacts/notes.txt');
    expect((stray as Error).message).toContain('SHA256SUMS, an SBOM, install.sh and signatures');
    expect(gh.writeCount()).toBe(0);
  });
});
