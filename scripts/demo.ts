// The demo: a real local release of examples/rust-cli against the local servers of
// scripts/test-services and the GitHub fake, through the real CLI, run twice (the second run must
// write nothing), ending with the status table and the dashboard.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKey } from 'openpgp';
import { parse, stringify } from 'yaml';
import { createArchive } from '@deployforge/archive';
import { SPOKE_IDS, type SpokeId } from '@deployforge/catalog';
import { isImplemented } from '@deployforge/platforms';
import { archiveName, binaryName, hostTarget, targetInfo, type TargetId } from '@deployforge/targets';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = join(root, '.demo');
/** The example's copy the demo releases from (its deployforge.yml is rewritten for this machine). */
const project = join(demo, 'project');
const services = JSON.parse(readFileSync(join(root, '.services/env.json'), 'utf8')) as Record<string, string>;
const TOKEN = 'ghs_demo_token_for_the_local_github_fake';
const FAKE_REGISTRY_TOKEN = 'demo_registry_token_for_the_local_fakes';
const say = (m: string) => process.stderr.write(`\n\x1b[1m== ${m}\x1b[0m\n`);
/** The secret names the demo's config gives release.gpg-key and release.gpg-passphrase. */
const GPG_KEY_SECRET = 'DEMO_GPG_PRIVATE_KEY';
const GPG_PASSPHRASE_SECRET = 'DEMO_GPG_PASSPHRASE';
const GPG_PASSPHRASE = 'demo passphrase, not a secret';

/** Platforms that need a store or a service this machine cannot reach: shown as dry runs. */
const UNREACHABLE = new Set<SpokeId>(['snap', 'flathub']);

interface FakeUrls {
  github: string;
  pypiUpload: string;
  pypiIndex: string;
  cratesIndex: string;
  nuget: string;
  vscodeMarketplace: string;
  openVsx: string;
}

/** GitHub, PyPI, crates, NuGet and the two VS Code extension stores cannot run here: their fakes, in one child process. */
async function startFakes(env: Record<string, string>): Promise<{ urls: FakeUrls; child: ChildProcess }> {
  // node itself with tsx's loader (not `npx tsx`, whose wrappers do not pass SIGTERM on), so that
  // stopping the child at the end really stops the servers.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fakes/serve-demo-fakes.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const line = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the demo fakes exited with ${code}`)));
  });
  return { urls: JSON.parse(line) as FakeUrls, child };
}

function bareRepo(name: string): string {
  const dir = join(services.DEPLOYFORGE_TEST_GIT_ROOT as string, `${name}.git`);
  // A fresh repository per demo run: the first run publishes, the second finds everything there.
  rmSync(dir, { recursive: true, force: true });
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', dir]);
  return `${services.DEPLOYFORGE_TEST_GIT_HTTP}${name}.git`;
}

/** The example's config with every remote pointed at this machine. */
function demoConfig(enabled: SpokeId[], fakes: FakeUrls): string {
  const config = parse(readFileSync(join(root, 'examples/rust-cli/deployforge.yml'), 'utf8')) as Record<string, any>;
  config.project.repository = 'acme/hello-forge';
  // Provenance needs GitHub Actions' OIDC; the demo signs SHA256SUMS with a GPG key instead.
  config.release.attest = false;
  config.release['gpg-key'] = GPG_KEY_SECRET;
  config.release['gpg-passphrase'] = GPG_PASSPHRASE_SECRET;
  // apt and yum share one repository (deb/ and rpm/ side by side), as the example has it.
  const packagesRepo = bareRepo('acme/packages');
  const local: Record<string, unknown> = {
    pypi: { ...config.platforms.pypi, repository: fakes.pypiUpload, index: fakes.pypiIndex },
    crates: { ...config.platforms.crates, path: '.', registry: 'local', index: `sparse+${fakes.cratesIndex}` },
    chocolatey: { ...config.platforms.chocolatey, source: fakes.nuget },
    vscode: { ...config.platforms.vscode, path: 'editors/vscode' },
    custom: Object.fromEntries(Object.entries(config.platforms.custom ?? {}).map(([name, entry]) =>
      [name, { ...(entry as object), env: { ...((entry as { env?: object }).env ?? {}), MIRROR_DIR: join(demo, 'mirror') } }])),
    npm: { ...config.platforms.npm, registry: services.DEPLOYFORGE_TEST_NPM_REGISTRY },
    'github-packages': { ...config.platforms['github-packages'], registry: services.DEPLOYFORGE_TEST_NPM_REGISTRY },
    // scratch: the public base image cannot be pulled here; the image takes the musl slot's binary, a
    // static build (see buildArtifacts), so it starts with no libc at all.
    docker: { ...config.platforms.docker, images: [`${services.DEPLOYFORGE_TEST_OCI_REGISTRY}/acme/hello-forge`], base: 'scratch' },
    homebrew: { ...config.platforms.homebrew, tap: bareRepo('acme/homebrew-tap') },
    scoop: { ...config.platforms.scoop, bucket: bareRepo('acme/scoop-bucket') },
    nix: { ...config.platforms.nix, repository: bareRepo('acme/nix-hello-forge') },
    apt: { ...config.platforms.apt, repository: packagesRepo },
    yum: { ...config.platforms.yum, repository: packagesRepo },
    huggingface: { ...config.platforms.huggingface, path: 'space', remote: bareRepo('spaces/acme/hello-forge-demo') },
    aur: { ...config.platforms.aur, remote: `ssh://aur@127.0.0.1:${services.DEPLOYFORGE_TEST_SSH_PORT}/${config.platforms.aur?.package ?? 'hello-forge-bin'}.git` },
  };
  const platforms: Record<string, unknown> = {};
  for (const id of enabled) platforms[id] = local[id] ?? config.platforms[id];
  config.platforms = platforms;
  config.required = (config.required as string[]).filter((r) => enabled.includes(r as SpokeId));
  return stringify(config);
}

/**
 * The demo's release key: made on the first demo run and kept in .demo/gpg, so a later demo finds
 * the same signer. A throwaway key of this machine, never committed.
 */
async function demoSigningKey(): Promise<{ privateKey: string; publicKeyFile: string }> {
  const dir = join(demo, 'gpg');
  const privateFile = join(dir, 'release-key.private.asc');
  const publicKeyFile = join(dir, 'release-key.asc');
  if (!existsSync(privateFile) || !existsSync(publicKeyFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const key = await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name: 'hello-forge demo releases', email: 'releases@hello-forge.example' }], passphrase: GPG_PASSPHRASE, format: 'armored' });
    writeFileSync(privateFile, key.privateKey, { mode: 0o600 });
    writeFileSync(publicKeyFile, key.publicKey);
  }
  return { privateKey: readFileSync(privateFile, 'utf8'), publicKeyFile };
}

async function buildArtifacts(version: string): Promise<string> {
  const artifacts = join(demo, 'artifacts');
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  say('Building examples/rust-cli for this machine (cargo build --release)');
  execFileSync('cargo', ['build', '--release', '--offline', '--quiet'], { cwd: project, stdio: 'inherit' });
  const host = hostTarget();
  // The musl slot of this CPU gets a real static build too (glibc linked in with crt-static: the musl
  // toolchain cannot be installed here). It needs no libc at all, like a musl build, so the `scratch`
  // image, which takes the musl slot, really starts.
  const staticSlot = host && targetInfo(host).os === 'linux' && targetInfo(host).libc === 'gnu' ? (`${host}-musl` as TargetId) : undefined;
  if (staticSlot) {
    say(`Building a static binary for the ${staticSlot} slot (RUSTFLAGS=-C target-feature=+crt-static)`);
    execFileSync('cargo', ['build', '--release', '--offline', '--quiet', '--target', targetInfo(host!).rustTriple], {
      cwd: project, stdio: 'inherit', env: { ...process.env, RUSTFLAGS: '-C target-feature=+crt-static' },
    });
  }
  const targets = (parse(readFileSync(join(root, 'examples/rust-cli/deployforge.yml'), 'utf8')) as { build: { targets: TargetId[] } }).build.targets;
  for (const target of targets) {
    let source = join(project, 'target/release/hello-forge');
    if (target === staticSlot) {
      source = join(project, 'target', targetInfo(host!).rustTriple, 'release/hello-forge');
    } else if (target !== host) {
      // No cross toolchains here: a clearly labelled stand-in, so every spoke has every target.
      source = join(demo, `standin-${target}`);
      writeFileSync(source, `#!/bin/sh\necho "hello-forge ${version} (stand-in for ${target}: built on ${host ?? 'this machine'} without the ${target} toolchain)"\n`, { mode: 0o755 });
    }
    const files = ['README.md', 'LICENSE'].map((f) => ({ source: join(project, f), name: f, mode: 0o644 }));
    await createArchive(targetInfo(target).archive, [{ source, name: binaryName('hello-forge', target), mode: 0o755 }, ...files], join(artifacts, archiveName('hello-forge', version, target)));
    const label = target === host ? '  (real build)' : target === staticSlot ? '  (real build: static, in place of musl)' : '  (stand-in)';
    process.stderr.write(`  ${archiveName('hello-forge', version, target)}${label}\n`);
  }
  return artifacts;
}

function runCli(args: string[], env: Record<string, string>): number {
  try {
    // In the project, as its maintainer would: deployforge.yml sits next to Cargo.lock, which the SBOM reads.
    execFileSync(process.execPath, [join(root, 'bin/deployforge.js'), ...args], { cwd: project, env: { ...process.env, ...env }, stdio: 'inherit' });
    return 0;
  } catch (error) {
    return (error as { status?: number }).status ?? 1;
  }
}

const version = /^version = "([^"]+)"/m.exec(readFileSync(join(root, 'examples/rust-cli/Cargo.toml'), 'utf8'))?.[1] ?? '0.1.0';
mkdirSync(demo, { recursive: true });
rmSync(join(demo, 'mirror'), { recursive: true, force: true });
rmSync(join(demo, '.deployforge'), { recursive: true, force: true });
rmSync(project, { recursive: true, force: true });
cpSync(join(root, 'examples/rust-cli'), project, { recursive: true, filter: (src) => !src.includes('/target') });

// GitHub Packages is the npm spoke against npm.pkg.github.com with GITHUB_TOKEN: here GITHUB_TOKEN
// belongs to the GitHub fake, which serves no npm registry, so the demo leaves it out.
const enabled = SPOKE_IDS.filter((id) => isImplemented(id) && id !== 'github-packages');
say(`Platforms this build of DeployForge publishes to: ${enabled.join(', ') || '(none yet)'}`);
const artifacts = await buildArtifacts(version);
const signingKey = await demoSigningKey();

const children: ChildProcess[] = [];
try {
  say('Starting the fakes for what cannot run here (GitHub, PyPI upload, crates registry, NuGet feed, VS Code Marketplace, Open VSX) on 127.0.0.1');
  const fakes = await startFakes({ DEPLOYFORGE_FAKE_GITHUB_TOKEN: TOKEN, DEPLOYFORGE_FAKE_TOKEN: FAKE_REGISTRY_TOKEN, DEPLOYFORGE_FAKE_GITHUB_REPOS: 'acme/hello-forge,acme-bot/winget-pkgs,microsoft/winget-pkgs,flathub/io.github.acme.HelloForge' });
  children.push(fakes.child);
  writeFileSync(join(project, 'deployforge.yml'), demoConfig(enabled, fakes.urls));
  const env: Record<string, string> = {
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: fakes.urls.github,
    GITHUB_SERVER_URL: fakes.urls.github,
    PYPI_TOKEN: FAKE_REGISTRY_TOKEN,
    CARGO_REGISTRY_TOKEN: FAKE_REGISTRY_TOKEN,
    CHOCOLATEY_API_KEY: FAKE_REGISTRY_TOKEN,
    WINGET_TOKEN: TOKEN,
    FLATHUB_TOKEN: TOKEN,
    // The extension stores' stand-ins, as the tests point the vscode spoke at them.
    DEPLOYFORGE_VSCE_MARKETPLACE_URL: fakes.urls.vscodeMarketplace,
    DEPLOYFORGE_OVSX_URL: fakes.urls.openVsx,
    VSCE_PAT: FAKE_REGISTRY_TOKEN,
    OVSX_PAT: FAKE_REGISTRY_TOKEN,
    GITHUB_REPOSITORY: 'acme/hello-forge',
    NPM_TOKEN: services.DEPLOYFORGE_TEST_NPM_TOKEN as string,
    DOCKER_USERNAME: 'demo',
    DOCKER_PASSWORD: 'demo-registry-has-no-auth',
    HOMEBREW_TAP_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN as string,
    SCOOP_BUCKET_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN as string,
    NIX_REPO_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN as string,
    HF_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN as string,
    // The local git server takes GitHub-style `x-access-token:<token>` basic auth.
    HF_USERNAME: 'x-access-token',
    AUR_SSH_PRIVATE_KEY: readFileSync(services.DEPLOYFORGE_TEST_SSH_KEY as string, 'utf8'),
    DEPLOYFORGE_AUR_KNOWN_HOSTS: readFileSync(services.DEPLOYFORGE_TEST_SSH_KNOWN_HOSTS as string, 'utf8'),
    [GPG_KEY_SECRET]: signingKey.privateKey,
    [GPG_PASSPHRASE_SECRET]: GPG_PASSPHRASE,
    // The apt and yum indexes are signed with the release key too.
    LINUX_REPO_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN as string,
    LINUX_REPO_GPG_KEY: signingKey.privateKey,
    LINUX_REPO_GPG_PASSPHRASE: GPG_PASSPHRASE,
  };
  const dryRuns = enabled.filter((id) => UNREACHABLE.has(id));
  const args = ['release', '--version', version, '--artifacts', artifacts, ...(dryRuns.length ? ['--dry-run-platforms', dryRuns.join(',')] : [])];

  say(`First run: deployforge ${args.join(' ')}`);
  const first = runCli(args, env);
  say('Second run: the same command; everything is already there, nothing is written');
  const second = runCli(args, env);
  say(`What a user checks: deployforge verify ${version} --gpg-key ${signingKey.publicKeyFile}`);
  const verified = runCli(['verify', version, '--gpg-key', signingKey.publicKeyFile], env);

  const status = join(project, '.deployforge/status.json');
  const help = execFileSync(process.execPath, [join(root, 'bin/deployforge.js'), '--help'], { encoding: 'utf8' });
  if (/^\s+dashboard\b/m.test(help)) {
    runCli(['dashboard', '--status', status, '--out', join(demo, 'dashboard')], env);
    say(`Dashboard: file://${join(demo, 'dashboard/index.html')}`);
  }
  say(`status.json: ${status}`);
  if (dryRuns.length) process.stderr.write(`Dry runs (no store reachable from here): ${dryRuns.join(', ')}\n`);
  process.exitCode = [first, second, verified].find((code) => code !== 0) ?? 0;
} finally {
  await Promise.all(children.map((child) => new Promise<void>((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  })));
}
