// The whole product, end to end: `deployforge release` of examples/rust-cli (a real cargo build for
// this machine, stand-ins for the other targets) against every local server and fake there is,
// checked at the servers themselves. Issue 9.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StatusDocument } from '@deployforge/status';
import { runBuiltCli, snapshotBuiltCli } from './full/built-cli.js';
import { runInProcess, type CliRun } from '../helpers/in-process-cli.js';
import { releaseEnv, REPOSITORY, startLocalServers, type LocalServers } from './full/local-servers.js';
import { allChecked, npmBinaryVersion, publishedAtServers } from './full/published-at-servers.js';
import { DRY_RUN_PLATFORMS, releaseConfig } from './full/release-config.js';
import { buildReleaseArchives, copyRustCliProject, setCrateVersion } from './full/rust-cli-project.js';
import { readCounts, takeWriteCensus } from './full/write-census.js';

/** What a first release of a version ends as, per platform (winget's first submission is by hand). */
const FIRST_RUN = {
  npm: 'published', pypi: 'published', crates: 'published', docker: 'published', homebrew: 'published', scoop: 'published',
  chocolatey: 'published', winget: 'needs-human', aur: 'published', snap: 'dry-run', flathub: 'dry-run', vscode: 'dry-run',
  huggingface: 'published', nix: 'published', apt: 'published', yum: 'published', 'custom:mirror': 'published',
} as const;
/**
 * A later version: the same, except the Space. The huggingface spoke pushes the `space/` folder as it
 * is, and the example's folder does not change between versions (its app.py says "VERSION is
 * rewritten by the release", but no spoke rewrites it), so the Space is found identical.
 */
const NEW_VERSION = { ...FIRST_RUN, huggingface: 'skipped' } as const;
/** A re-run of a finished version: every published platform found identical and skipped. */
const RE_RUN = Object.fromEntries(Object.entries(FIRST_RUN).map(([k, v]) => [k, v === 'published' ? 'skipped' : v]));

let servers: LocalServers;
let work: string;
let project: string;
let configFile: string;
let builtCli: string;
const artifacts = (version: string) => join(work, `artifacts-${version}`);
/** The example's release.linux-packages [deb, rpm, apk]: what the hub builds from the Linux archives. */
const linuxPackages = (version: string) => ['amd64.deb', 'arm64.deb', 'x86_64.rpm', 'aarch64.rpm', 'x86_64.apk', 'aarch64.apk'].map((s) => `hello-forge_${version}_${s}`);
/** Builds of the later versions, started early: cargo compiles while the first release waits on GitHub. */
let laterBuilds: Promise<unknown>;
const built = new Map<string, Promise<unknown>>();

const outerTmp = process.env.TMPDIR;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'df-e2e-full-'));
  // `deployforge release` leaves its work folder (downloads, spoke checkouts: ~10 MB a run) in the
  // temp dir; in-process runs read this worker's TMPDIR, so point it into `work`, removed at the end.
  process.env.TMPDIR = join(work, 'tmp');
  mkdirSync(process.env.TMPDIR);
  builtCli = snapshotBuiltCli(join(work, 'built-cli'));
  servers = await startLocalServers(work);
  project = copyRustCliProject(work);
  configFile = join(project, 'deployforge.yml');
  writeFileSync(configFile, releaseConfig(servers));
  await buildReleaseArchives(work, '0.1.0', artifacts('0.1.0'));
  // One after the other, so at most one cargo runs beside the release on two cores.
  const second = buildReleaseArchives(work, '0.2.0', artifacts('0.2.0'));
  const third = second.then(() => buildReleaseArchives(work, '0.3.0', artifacts('0.3.0')));
  built.set('0.2.0', second).set('0.3.0', third);
  laterBuilds = Promise.allSettled([second, third]);
}, 120_000);

afterAll(async () => {
  await laterBuilds;
  await servers?.close();
  if (outerTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = outerTmp;
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A new version, the way a maintainer cuts one: Cargo.toml bumped in the checkout, the build's archives ready. */
async function cutVersion(version: string): Promise<void> {
  setCrateVersion(project, version);
  await built.get(version);
}

/**
 * In-process runs name the config by absolute path: the hub looks for the SBOM's lockfile next to
 * the config, and a relative path is resolved against the process's cwd, not the CLI's.
 */
function release(version: string): Promise<CliRun> {
  return runInProcess(
    ['release', '--config', configFile, '--artifacts', artifacts(version), '--dry-run-platforms', DRY_RUN_PLATFORMS.join(','), '--json'],
    { cwd: project, env: releaseEnv(servers) },
  );
}

function statusOf(run: CliRun): StatusDocument {
  expect(run.stdout.trim().startsWith('{'), `stdout is one JSON document\n${run.stderr}`).toBe(true);
  return JSON.parse(run.stdout) as StatusDocument;
}

const platformStatuses = (doc: StatusDocument): Record<string, string> =>
  Object.fromEntries(Object.entries(doc.platforms).map(([id, p]) => [id, p.status]));

/** status.json on disk must be exactly what --json printed. */
function expectStatusFile(doc: StatusDocument): void {
  // --json wraps the document in the envelope every --json command has (ok, errors); the file is the
  // status document alone (CONTRACT.md's status.json).
  const { ok: _ok, errors: _errors, ...status } = doc as StatusDocument & { ok?: boolean; errors?: unknown };
  expect(JSON.parse(readFileSync(join(project, '.deployforge/status.json'), 'utf8'))).toEqual(status);
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const digests = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).sort().map((name) => [name, sha256(join(dir, name))]));

describe.sequential('deployforge release of examples/rust-cli against every local server', () => {
  test('first run: every platform ends published, and each server holds the release', async () => {
    const run = await release('0.1.0');
    expect(run.code, run.stderr).toBe(0);
    const doc = statusOf(run);
    expect(doc.version).toBe('0.1.0');
    expect(doc.release?.status).toBe('published');
    expect(platformStatuses(doc)).toEqual(FIRST_RUN);
    expect([doc.platforms.npm?.required, doc.platforms.pypi?.required, doc.platforms.docker?.required]).toEqual([true, true, false]);
    expectStatusFile(doc);

    expect(await publishedAtServers(servers, project, '0.1.0')).toEqual(allChecked(true));
    const assets = servers.gh.state.repos.get(REPOSITORY)?.releases.find((r) => r.tagName === 'v0.1.0')?.assets ?? [];
    // The example asks for both installers (release.installers) and Linux packages
    // (release.linux-packages), so the hub adds them too.
    expect(assets.map((a) => a.name).sort()).toEqual([...readdirSync(artifacts('0.1.0')), 'SHA256SUMS', 'hello-forge-0.1.0.cdx.json', 'install.ps1', 'install.sh', ...linuxPackages('0.1.0')].sort());
    // The SBOM read the crate's Cargo.lock next to deployforge.yml, not only the archives.
    const sbom = assets.find((a) => a.name === 'hello-forge-0.1.0.cdx.json')?.filePath;
    expect(sbom && readFileSync(sbom, 'utf8')).toContain('"pkg:cargo/hello-forge@0.1.0"');
    // The real cargo build went all the way: npm's linux-x64 package carries a binary that runs here.
    expect(await npmBinaryVersion(servers, 'linux-x64', '0.1.0', work)).toBe('hello-forge 0.1.0');
    // The vscode dry run asked the (local) stores whether the version exists, and wrote nothing there.
    expect(servers.stores.requests.length).toBeGreaterThan(0);
    expect(servers.stores.writes).toEqual({ marketplace: 0, openVsx: 0 });
    expect(servers.gh.violations()).toEqual([]);
  }, 60_000);

  test('second run: every platform skipped, zero writes at every server', async () => {
    const before = await takeWriteCensus(servers);
    const readsBefore = readCounts(servers);
    const run = await release('0.1.0');
    expect(run.code, run.stderr).toBe(0);
    const doc = statusOf(run);
    expect(doc.release?.status).toBe('skipped');
    expect(platformStatuses(doc)).toEqual(RE_RUN);
    expectStatusFile(doc);

    expect(await takeWriteCensus(servers)).toEqual(before);
    // Zero writes because everything was checked and found identical, not because nothing was asked.
    const readsAfter = readCounts(servers);
    expect(readsAfter.github).toBeGreaterThan(readsBefore.github);
    expect(readsAfter.npm).toBeGreaterThan(readsBefore.npm);
    expect(readsAfter.oci).toBeGreaterThan(readsBefore.oci);
    expect(servers.gh.violations()).toEqual([]);
  }, 30_000);

  test('a server down on a new version: the others still publish; the exit code follows `required`', async () => {
    await cutVersion('0.2.0');

    // docker is optional: its registry is down, everything else ships 0.2.0, exit 0.
    await servers.ociDoor.stop();
    const optional = await release('0.2.0').finally(() => servers.ociDoor.start());
    expect(optional.code, optional.stderr).toBe(0);
    const optionalDoc = statusOf(optional);
    expect(optionalDoc.release?.status).toBe('published');
    expect(platformStatuses(optionalDoc)).toEqual({ ...NEW_VERSION, docker: 'failed' });
    expect(optionalDoc.platforms.docker?.required).toBe(false);
    expect(optionalDoc.platforms.docker?.detail).toContain(servers.ociDoor.host);
    expectStatusFile(optionalDoc);
    expect(await publishedAtServers(servers, project, '0.2.0')).toEqual({ ...allChecked(true), docker: false });

    // npm is required (the example's `required: [npm, pypi]`): verdaccio's address is down for this
    // run, exit 1. docker is back and catches up; the rest is already there.
    await servers.npmDoor.stop();
    const required = await release('0.2.0').finally(() => servers.npmDoor.start());
    expect(required.code, required.stderr).toBe(1);
    expect(required.stderr).toContain('required platform(s) failed: npm');
    const requiredDoc = statusOf(required);
    expect(platformStatuses(requiredDoc)).toEqual({ ...RE_RUN, npm: 'failed', docker: 'published' });
    expect(requiredDoc.platforms.npm?.required).toBe(true);
    expect(requiredDoc.platforms.npm?.detail).toContain(servers.npmDoor.host);
    expectStatusFile(requiredDoc);
    expect(await publishedAtServers(servers, project, '0.2.0')).toEqual(allChecked(true));
    expect(servers.gh.violations()).toEqual([]);
  }, 60_000);

  test('Ctrl-C during the uploads: the built CLI stops, leaves nothing half-written, and a re-run converges', async () => {
    await cutVersion('0.3.0');
    const archivesBefore = digests(artifacts('0.3.0'));
    const statusBefore = readFileSync(join(project, '.deployforge/status.json'), 'utf8');
    const childTmp = join(work, 'child-tmp');
    mkdirSync(childTmp);
    const childEnv = releaseEnv(servers, { TMPDIR: childTmp });
    const args = ['release', '--artifacts', artifacts('0.3.0'), '--dry-run-platforms', DRY_RUN_PLATFORMS.join(',')];

    // The first upload hangs at the server, so the interrupt lands while it is in flight, and only
    // aborting it (not waiting it out) lets the CLI exit before the deadline.
    servers.gh.faults.add({ kind: 'latency', ms: 10 * 60_000, path: /^\/uploads\//, times: 1, name: 'hung-upload' });
    const seen = servers.gh.requests.length;
    const interrupted = await runBuiltCli(args, {
      cli: builtCli,
      cwd: project,
      env: childEnv,
      deadlineMs: 30_000,
      interruptWhen: () => servers.gh.requests.slice(seen).find((r) => r.path.startsWith('/uploads/'))?.path,
    });
    expect(interrupted.interruptedAt, `interrupted run, no upload seen:\n${interrupted.stderr}`).toMatch(/^\/uploads\/repos\/acme\/hello-forge\/releases\/\d+\/assets\?name=/);
    expect(interrupted.killed, `still running at the deadline after SIGINT\n${interrupted.stderr}`).toBe(false);
    // Exit like a shell does after Ctrl-C (128 + SIGINT), and say how to finish, not "a bug or an outage".
    expect(interrupted.code, `interrupted run exit code:\n${interrupted.stderr}`).toBe(130);
    expect(interrupted.stderr).toContain('run the same command again to finish the release');
    expect(interrupted.stderr).not.toContain('This is a bug or an outage');

    // Nothing half-written: the inputs untouched, status.json still the last complete run's, no
    // partial download anywhere the CLI worked, and the release still a draft (never half-published).
    expect(digests(artifacts('0.3.0'))).toEqual(archivesBefore);
    expect(readdirSync(join(project, '.deployforge')), (readdirSync(join(project, '.deployforge'), { recursive: true }) as string[]).join('\n')).toEqual(['status.json']);
    expect(readFileSync(join(project, '.deployforge/status.json'), 'utf8')).toBe(statusBefore);
    expect((readdirSync(childTmp, { recursive: true }) as string[]).filter((f) => /\.partial$/.test(f))).toEqual([]);
    const draft = servers.gh.state.repos.get(REPOSITORY)?.releases.find((r) => r.tagName === 'v0.3.0');
    expect(draft?.draft).toBe(true);

    servers.gh.faults.clear();
    const rerun = await runBuiltCli([...args, '--json'], { cli: builtCli, cwd: project, env: childEnv, deadlineMs: 60_000 });
    expect(rerun.code, `re-run after the interrupt:\n${rerun.stderr}`).toBe(0);
    const doc = JSON.parse(rerun.stdout) as StatusDocument;
    expect(doc.version).toBe('0.3.0');
    expect(platformStatuses(doc)).toEqual(NEW_VERSION);
    expectStatusFile(doc);
    expect(await publishedAtServers(servers, project, '0.3.0')).toEqual(allChecked(true));
    // One release for the tag, every asset once, complete, and what SHA256SUMS (and our disk) say.
    const releases = servers.gh.state.repos.get(REPOSITORY)?.releases.filter((r) => r.tagName === 'v0.3.0') ?? [];
    expect(releases.map((r) => r.draft)).toEqual([false]);
    const uploaded = releases[0]!.assets;
    expect(uploaded.map((a) => a.state)).toEqual(uploaded.map(() => 'uploaded'));
    expect(uploaded.map((a) => a.name).sort()).toEqual([...Object.keys(archivesBefore), 'SHA256SUMS', 'hello-forge-0.3.0.cdx.json', 'install.ps1', 'install.sh', ...linuxPackages('0.3.0')].sort());
    for (const [name, digest] of Object.entries(archivesBefore)) {
      expect(uploaded.find((a) => a.name === name)?.sha256, name).toBe(digest);
    }

    // Converged: one more run finds everything there and writes nothing.
    const census = await takeWriteCensus(servers);
    const again = await release('0.3.0');
    expect(again.code, `final re-run:\n${again.stderr}`).toBe(0);
    expect(platformStatuses(statusOf(again))).toEqual(RE_RUN);
    expect(await takeWriteCensus(servers)).toEqual(census);
    expect(servers.gh.violations()).toEqual([]);
  }, 90_000);
});
