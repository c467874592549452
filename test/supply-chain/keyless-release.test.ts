import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { ConfigurationError, createMemoryLogger } from '@deployforge/diagnostics';
import { createGitHubClient } from '@deployforge/github';
import { prepareRelease, runHub } from '@deployforge/hub';
import { parseVersionInput } from '@deployforge/version';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { startSigstoreFake, type SigstoreFake } from '../fakes/sigstore/sigstore-fake.js';

const TOKEN = 'ghs_keyless_release_token_0123456789';
// One target, the one archive project() makes: the hub refuses a folder that lacks a configured target.
const CONFIG = 'project: { name: demo, repository: acme/demo }\nversion: { from: tag }\nbuild: { targets: [linux-x64] }\nrelease: { sign: true, sbom: false }\n';
const loaded = () => parseConfig(CONFIG, 'deployforge.yml');
const version = parseVersionInput('1.0.0', { tagPrefix: 'v', origin: 'test' });

let sigstore: SigstoreFake;
let gh: GitHubFake;
beforeAll(async () => {
  sigstore = await startSigstoreFake();
});
afterAll(async () => {
  await sigstore.close();
});
beforeEach(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/demo'] });
});
afterEach(async () => {
  expect(gh.violations()).toEqual([]);
  await gh.close();
});

function project(): { dir: string; archives: string } {
  const dir = mkdtempSync(join(tmpdir(), 'df-keyless-'));
  writeFileSync(join(dir, 'deployforge.yml'), CONFIG);
  const archives = join(dir, 'artifacts');
  mkdirSync(archives);
  writeFileSync(join(archives, 'demo-1.0.0-linux-x64.tar.gz'), 'linux archive bytes');
  return { dir, archives };
}

/** What `cosign verify-blob --bundle` checks, against the fake instance's trusted root. */
function verifies(bundle: string, file: string): boolean {
  const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(sigstore.trustedRoot)), { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 });
  try {
    verifier.verify(toSignedEntity(bundleFromJSON(JSON.parse(bundle)), readFileSync(file)), {
      subjectAlternativeName: sigstore.subjectAlternativeName,
      extensions: { issuer: 'https://token.actions.githubusercontent.com' },
    });
    return true;
  } catch {
    return false;
  }
}

const services = () => ({ fulcioURL: sigstore.fulcioURL, rekorURL: sigstore.rekorURL });
const rekorWrites = () => sigstore.requests.filter((r) => r.startsWith('POST') && r.includes('/api/v1/log/entries')).length;

describe('release.sign: keyless Sigstore signature of SHA256SUMS', () => {
  test('the sign job signs with the job OIDC identity; the bundle verifies over SHA256SUMS and nothing else', async () => {
    const { dir, archives } = project();
    const out = join(dir, 'signed');
    const env = { ...sigstore.actionsEnv, GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/demo' };
    const prepared = await prepareRelease({ loaded: loaded(), version, artifacts: archives, outDir: out, cwd: dir, env, log: createMemoryLogger(), dryRun: false, sigstore: services() });
    expect(prepared.files.map((f) => basename(f)).sort()).toEqual(['SHA256SUMS', 'SHA256SUMS.sigstore.json']);
    const bundle = readFileSync(join(out, 'SHA256SUMS.sigstore.json'), 'utf8');
    expect(verifies(bundle, prepared.checksums)).toBe(true);
    expect(verifies(bundle, join(archives, 'demo-1.0.0-linux-x64.tar.gz'))).toBe(false);
    for (const issued of sigstore.issuedTokens) expect(bundle).not.toContain(issued);
  });

  test('in the hub (create-release with id-token): signed once; a re-run of the finished release makes no new log entry', async () => {
    const { dir, archives } = project();
    const log = createMemoryLogger();
    const client = createGitHubClient({ token: TOKEN, baseUrl: gh.url, log, writeIntervalMs: 0, retryBaseMs: 1 });
    const env = { ...sigstore.actionsEnv, GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/demo' };
    const hub = { loaded: loaded(), version, artifacts: archives, cwd: dir, env, token: TOKEN, log, force: false, dryRun: false, client, sigstore: services() };
    const entries = rekorWrites();
    await runHub(hub);
    expect(rekorWrites()).toBe(entries + 1);
    const release = gh.state.repo('acme/demo')!.releases[0]!;
    const file = (name: string) => release.assets.find((a) => a.name === name)!.filePath!;
    expect(verifies(readFileSync(file('SHA256SUMS.sigstore.json'), 'utf8'), file('SHA256SUMS'))).toBe(true);

    expect((await runHub(hub)).writes).toBe(0);
    expect(rekorWrites()).toBe(entries + 1);
  });

  test('in GitHub Actions without id-token: write, the job fails before writing; on a laptop the release goes on with a warning', async () => {
    const { dir, archives } = project();
    const inActions = await prepareRelease({
      loaded: loaded(), version, artifacts: archives, outDir: join(dir, 'signed'), cwd: dir, env: { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/demo' }, log: createMemoryLogger(), dryRun: false,
    }).catch((e: unknown) => e);
    expect(inActions).toBeInstanceOf(ConfigurationError);
    expect((inActions as Error).message).toContain('id-token: write');

    const log = createMemoryLogger();
    const client = createGitHubClient({ token: TOKEN, baseUrl: gh.url, log, writeIntervalMs: 0, retryBaseMs: 1 });
    const result = await runHub({ loaded: loaded(), version, artifacts: archives, cwd: dir, env: { GITHUB_REPOSITORY: 'acme/demo' }, token: TOKEN, log, force: false, dryRun: false, client });
    expect(result.published).toBe(true);
    expect(result.assets.map((a) => a.name)).not.toContain('SHA256SUMS.sigstore.json');
    expect(log.lines.join('\n')).toContain('release.sign: no OIDC identity outside GitHub Actions');
  });
});
