import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/repo-root.js';
import { ALL_TARGETS, commitAll, copyBuiltCli, hashTree, runOffline, standInProject } from './snapshot-project.js';

/**
 * `release --snapshot` through the built CLI, inside a network namespace with no usable interface
 * and without any token: every package of the release is made and kept, and a second snapshot of
 * the same commit gives the same bytes.
 */
describe('deployforge release --snapshot (the built CLI, offline)', () => {
  let built: ReturnType<typeof copyBuiltCli>;
  const projects: string[] = [];
  const project = (dir: string) => (projects.push(dir), dir);
  beforeAll(() => {
    built = copyBuiltCli();
  });
  afterAll(() => {
    built?.dispose();
    for (const dir of projects) rmSync(dir, { recursive: true, force: true });
  });

  test('unshare -n leaves no way out: a server on this machine\'s loopback is unreachable from inside', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const probe = `fetch('http://127.0.0.1:${port}/').then(() => process.exit(0), () => process.exit(3))`;
    try {
      // Asynchronous children: a synchronous one would block the server that must answer it.
      const run = (cmd: string, args: string[]) => new Promise<number | null>((resolve) => {
        spawn(cmd, args, { stdio: 'ignore' }).on('close', resolve);
      });
      expect(await run(process.execPath, ['-e', probe])).toBe(0);
      expect(await run('unshare', ['-n', process.execPath, '-e', probe])).toBe(3);
    } finally {
      server.close();
    }
  });

  test('every platform of an all-targets project: each package kept, nothing sent, a second snapshot byte-identical', async () => {
    const dir = project(standInProject());
    const sha = commitAll(dir);
    const version = `0.1.0-snapshot+${sha}`;
    const out = join(dir, '.deployforge/dist', version);

    const first = await runOffline(built.cli, ['release', '--snapshot', '--targets', ALL_TARGETS.join(',')], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Snapshot ${version} (built: ${ALL_TARGETS.join(', ')})`);
    expect(first.stdout).toContain('Nothing was sent anywhere');
    expect(first.stdout).not.toMatch(/FAILED|not built|needs network/);
    // What a real run still needs, by name only.
    expect(first.stdout).toContain('NPM_TOKEN, or trusted publishing (OIDC) in environment release');
    expect(first.stdout).toContain('the tag v0.1.0 (pushed, or a dispatch)');

    const files = Object.keys(hashTree(out));
    const has = (re: RegExp, count = 1) => expect(files.filter((f) => re.test(f)), `${re} in\n${files.join('\n')}`).toHaveLength(count);
    // The hub: an archive per target, the SBOM and SHA256SUMS.
    has(/^github\/hello-forge-0\.1\.0-snapshot\+\w+-[a-z0-9-]+\.(tar\.gz|zip)$/, 8);
    has(/^github\/hello-forge-0\.1\.0-snapshot\+\w+\.cdx\.json$/);
    has(/^github\/SHA256SUMS$/);
    // The example's release.installers: both scripts, as a real release would carry them.
    has(/^github\/install\.sh$/);
    has(/^github\/install\.ps1$/);
    // Every package the issue lists.
    has(/^npm\/hello-forge-[^/]*\.tgz$/, 9);
    has(/^github-packages\/acme-hello-forge-[^/]*\.tgz$/, 9);
    has(/^pypi\/hello_forge_bin-0\.1\.0\.dev0\+\w+-py3-none-[a-z0-9_]+\.whl$/, 8);
    has(/^crates\/hello-forge-0\.1\.0\.crate$/);
    // Cargo packages Cargo.toml's version, not the snapshot's: the kept plan says both, and which file.
    const cratePlan = JSON.parse(readFileSync(join(out, 'crates/files/cargo-publish.json'), 'utf8')) as Record<string, string>;
    expect(cratePlan).toMatchObject({ version, crateFile: 'hello-forge-0.1.0.crate', crateVersion: '0.1.0' });
    expect(cratePlan.note).toContain(`hello-forge-0.1.0.crate is hello-forge 0.1.0, not this snapshot's ${version}`);
    has(/^docker\/image\/(oci-layout|index\.json)$/, 2);
    has(/^homebrew\/Formula\/hello-forge\.rb$/);
    has(/^scoop\/bucket\/hello-forge\.json$/);
    has(/^chocolatey\/hello-forge\.[^/]+\.nupkg$/);
    has(/^winget\/manifests\/a\/Acme\/HelloForge\/[^/]+\/Acme\.HelloForge(\.installer|\.locale\.en-US)?\.yaml$/, 3);
    has(/^aur\/(PKGBUILD|\.SRCINFO)$/, 2);
    has(/^snap\/hello-forge_[^/]+_(amd64|arm64)\.snap$/, 2);
    has(/^flathub\/io\.github\.acme\.HelloForge\.(yml|metainfo\.xml)$/, 2);
    has(/^vscode\/hello-forge-0\.1\.0\.vsix$/);
    has(/^huggingface\/app\.py$/);
    has(/^nix\/pkgs\/hello-forge\/default\.nix$/);
    // release.linux-packages: a .deb and an .rpm per architecture (gnu builds), an .apk per musl
    // build, as release assets; the apt and yum repositories file the .deb and .rpm under their
    // formats' own names.
    has(/^github\/hello-forge_0\.1\.0-snapshot\+\w+_(amd64|arm64)\.deb$/, 2);
    has(/^github\/hello-forge_0\.1\.0-snapshot\+\w+_(x86_64|aarch64)\.rpm$/, 2);
    has(/^github\/hello-forge_0\.1\.0-snapshot\+\w+_(x86_64|aarch64)\.apk$/, 2);
    has(/^apt\/repository\/deb\/pool\/main\/h\/hello-forge\/hello-forge_0\.1\.0~snapshot-1_(amd64|arm64)\.deb$/, 2);
    has(/^yum\/repository\/rpm\/hello-forge-0\.1\.0~snapshot-1\.(x86_64|aarch64)\.rpm$/, 2);

    // The kept files are the real thing: SHA256SUMS lists every archive with its digest, and the
    // image layout's index points at a blob that is there.
    const sums = readFileSync(join(out, 'github/SHA256SUMS'), 'utf8');
    const hashes = hashTree(out);
    for (const t of ALL_TARGETS) {
      const archive = files.find((f) => f.startsWith('github/') && (f.endsWith(`-${t}.tar.gz`) || f.endsWith(`-${t}.zip`)))!;
      expect(sums).toContain(`${hashes[archive]}  ${archive.slice('github/'.length)}`);
    }
    const index = JSON.parse(readFileSync(join(out, 'docker/image/index.json'), 'utf8')) as { manifests: { digest: string }[] };
    expect(existsSync(join(out, 'docker/image/blobs', ...index.manifests[0]!.digest.split(':')))).toBe(true);
    expect(execFileSync('tar', ['-tzf', join(out, 'npm', files.find((f) => /^npm\/hello-forge-linux-x64-0/.test(f))!.slice(4))]).toString()).toContain('package/bin/hello-forge');

    // A second snapshot of the same commit: the same files, byte for byte.
    const second = await runOffline(built.cli, ['release', '--snapshot', '--targets', ALL_TARGETS.join(',')], dir);
    expect(second.code, second.stderr).toBe(0);
    expect(hashTree(out)).toEqual(hashes);
    // Kept out of git: the project's status stays clean.
    expect(execFileSync('git', ['-C', dir, 'status', '--porcelain']).toString()).toBe('');
  }, 120_000);

  test('the Rust example, host target only, really built by cargo: packages of that target kept, the rest say what they need', async () => {
    const dir = project(mkdtempSync(join(tmpdir(), 'df-snapshot-rust-')));
    const example = join(repoRoot, 'examples/rust-cli');
    for (const name of readdirSync(example)) {
      if (name !== 'target' && name !== '.deployforge') cpSync(join(example, name), join(dir, name), { recursive: true });
    }
    const sha = commitAll(dir);
    const run = await runOffline(built.cli, ['release', '--snapshot', '--json'], dir);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as { ok: boolean; snapshot: { version: { version: string }; targets: string[]; entries: { key: string; status: string; files: string[] }[] } };
    expect(doc.ok).toBe(true);
    expect(doc.snapshot.version.version).toBe(`0.1.0-snapshot+${sha}`);
    expect(doc.snapshot.targets).toEqual(['linux-x64']);
    const status = Object.fromEntries(doc.snapshot.entries.map((e) => [e.key, e.status]));
    expect(status).toMatchObject({ npm: 'kept', pypi: 'kept', crates: 'kept', homebrew: 'kept', vscode: 'kept', nix: 'kept', huggingface: 'kept' });
    // The example's image is on distroless, which lives in a registry; Windows packages need a Windows build.
    expect(status).toMatchObject({ docker: 'offline-gap', scoop: 'not-built', chocolatey: 'not-built', winget: 'not-built' });
    const crate = doc.snapshot.entries.find((e) => e.key === 'crates')!;
    expect(crate.files).toContain('hello-forge-0.1.0.crate');
    // The archive holds the binary cargo built for this machine.
    const archive = join(dir, '.deployforge/dist', `0.1.0-snapshot+${sha}`, 'github', `hello-forge-0.1.0-snapshot+${sha}-linux-x64.tar.gz`);
    expect(execFileSync('tar', ['-tzf', archive]).toString().split('\n')).toContain('hello-forge');
  }, 180_000);

  test('bad input is refused before anything is built (exit 2)', async () => {
    const dir = project(standInProject());
    commitAll(dir);
    const unknown = await runOffline(built.cli, ['release', '--snapshot', '--targets', 'linux-x65'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--targets: linux-x65 is not a target id (did you mean linux-x64?)');
    const forced = await runOffline(built.cli, ['release', '--snapshot', '--force'], dir);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain('--force: cannot be combined with --snapshot');
    const alone = await runOffline(built.cli, ['release', '--targets', 'linux-x64'], dir);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--targets: only with --snapshot');
    expect(existsSync(join(dir, '.deployforge'))).toBe(false);
  });
});
