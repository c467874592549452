// Issue 22 items 2 and 3 through the CLI: a GitHub that reports no asset digests (GHES before
// digests, a proxy that strips them) and corrupts one upload. Nothing corrupted is ever
// published, a plain re-run (no --force) converges to a correct published release, and
// check-exists compares content, not sizes.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256File } from '@deployforge/github';
import { startGitHubFake, type GitHubFake } from '../fakes/github/index.js';
import { standInArchive } from '../helpers/stand-in-archive.js';
import { runInProcess, type CliRun } from '../helpers/in-process-cli.js';

const TOKEN = 'ghs_digestless_release_token_0123456789';
const ARCHIVES = ['relic-1.0.0-linux-x64.tar.gz', 'relic-1.0.0-windows-x64.zip'];
let gh: GitHubFake;
let project: string;

beforeAll(async () => {
  gh = await startGitHubFake({ token: TOKEN, repos: ['acme/relic'], quirks: { stripDigests: true } });
  project = mkdtempSync(join(tmpdir(), 'df-digestless-'));
  writeFileSync(join(project, 'deployforge.yml'), 'project: { name: relic, repository: acme/relic }\nbuild: { targets: [linux-x64, windows-x64] }\nrelease: { notes: none, sbom: false }\nplatforms: {}\n');
  mkdirSync(join(project, 'artifacts'));
  // Same size, different bytes is what a size check cannot see: every byte position matters.
  // A real archive each: release --artifacts opens them and looks for the binary at the root.
  for (const name of ARCHIVES) await standInArchive(join(project, 'artifacts', name), name.endsWith('.zip') ? 'relic.exe' : 'relic', Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 31 + name.length) % 251)));
});
afterAll(async () => {
  await gh.close();
});

function cli(args: string[]): Promise<CliRun> {
  // Wide enough that a table's detail stays on one line for the patterns below (tables fit $COLUMNS).
  return runInProcess(args, { cwd: project, env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url, COLUMNS: '250' } });
}

const release = () => gh.state.repo('acme/relic')!.releases.filter((r) => r.tagName === 'v1.0.0');

/** Every asset of the release holds exactly the bytes of the local file (the fake's own sha256 of what it stores). */
async function expectIntact(): Promise<void> {
  const [only] = release();
  for (const name of ARCHIVES) expect(only!.assets.find((a) => a.name === name)?.sha256, name).toBe(await sha256File(join(project, 'artifacts', name)));
  const sums = readFileSync(only!.assets.find((a) => a.name === 'SHA256SUMS')!.filePath!, 'utf8');
  for (const name of ARCHIVES) expect(sums).toContain(`${await sha256File(join(project, 'artifacts', name))}  ${name}`);
}

describe('deployforge release against a GitHub without digests that corrupts an upload', () => {
  test('nothing corrupted is published; a plain re-run converges; check-exists hashes instead of trusting sizes', async () => {
    const rule = gh.faults.add({ kind: 'corrupt', mode: 'flip', method: 'POST', path: /^\/uploads\//, times: 1 });
    const first = await cli(['release', '--version', '1.0.0', '--artifacts', 'artifacts']);
    expect(rule.fired).toBe(1);
    expect(first.code, first.stderr).not.toBe(0);
    expect(first.stderr).toMatch(/verify assets failed: .*has sha256:.*unpublished draft; re-run/);
    expect(release()).toHaveLength(1);
    expect(release()[0]!.draft, 'the corrupted release stays an unpublished draft').toBe(true);

    const second = await cli(['release', '--version', '1.0.0', '--artifacts', 'artifacts']);
    expect(second.code, second.stderr).toBe(0);
    expect(release()).toHaveLength(1);
    expect(release()[0]!.draft).toBe(false);
    await expectIntact();

    const checked = await cli(['check-exists', '--version', '1.0.0']);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/github\s+identical\s+.*checked by downloading and hashing/);

    const writes = gh.writeCount();
    const third = await cli(['release', '--version', '1.0.0', '--artifacts', 'artifacts']);
    expect(third.code, third.stderr).toBe(0);
    expect(gh.writeCount(), 'a re-run of the finished release writes nothing').toBe(writes);

    // The published copy goes bad on the server (same size): check-exists says so.
    const asset = release()[0]!.assets.find((a) => a.name === ARCHIVES[0])!;
    const bytes = readFileSync(asset.filePath!);
    bytes[100] = bytes[100]! ^ 1;
    writeFileSync(asset.filePath!, bytes);
    const after = await cli(['check-exists', '--version', '1.0.0']);
    expect(after.stdout).toMatch(new RegExp(`github\\s+different\\s+.*${ARCHIVES[0]!.replace(/\./g, '\\.')}`));
    expect(gh.violations()).toEqual([]);
  }, 120_000);
});
