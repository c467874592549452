// The demo: a real local release of examples/rust-cli against the local servers of
// scripts/test-services and the GitHub fake, through the real CLI, run twice (the second run must
// write nothing), ending with the status table and the dashboard.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { createArchive } from '@deployforge/archive';
import { isImplemented, SPOKE_IDS, type SpokeId } from '@deployforge/platforms';
import { archiveName, binaryName, hostTarget, targetInfo, type TargetId } from '@deployforge/targets';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = join(root, '.demo');
const services = JSON.parse(readFileSync(join(root, '.services/env.json'), 'utf8')) as Record<string, string>;
const TOKEN = 'ghs_demo_token_for_the_local_github_fake';
const say = (m: string) => process.stderr.write(`\n\x1b[1m== ${m}\x1b[0m\n`);

/** Platforms that need a store or a service this machine cannot reach: shown as dry runs. */
const UNREACHABLE = new Set<SpokeId>(['snap', 'flathub', 'vscode']);

async function startFake(script: string, env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn('npx', ['tsx', script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { url, child };
}

function bareRepo(name: string): string {
  const dir = join(services.DEPLOYFORGE_TEST_GIT_ROOT as string, `${name}.git`);
  if (!existsSync(dir)) execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', dir]);
  return `${services.DEPLOYFORGE_TEST_GIT_HTTP}${name}.git`;
}

/** The example's config with every remote pointed at this machine. */
function demoConfig(enabled: SpokeId[]): string {
  const config = parse(readFileSync(join(root, 'examples/rust-cli/deployforge.yml'), 'utf8')) as Record<string, any>;
  config.project.repository = 'acme/hello-forge';
  config.release.attest = false;
  const local: Record<string, unknown> = {
    npm: { ...config.platforms.npm, registry: services.DEPLOYFORGE_TEST_NPM_REGISTRY },
    'github-packages': { ...config.platforms['github-packages'], registry: services.DEPLOYFORGE_TEST_NPM_REGISTRY },
    docker: { ...config.platforms.docker, images: [`${services.DEPLOYFORGE_TEST_OCI_REGISTRY}/acme/hello-forge`] },
    homebrew: { ...config.platforms.homebrew, tap: bareRepo('acme/homebrew-tap') },
    scoop: { ...config.platforms.scoop, bucket: bareRepo('acme/scoop-bucket') },
    nix: { ...config.platforms.nix, repository: bareRepo('acme/nix-hello-forge') },
    huggingface: { ...config.platforms.huggingface, remote: bareRepo('spaces/acme/hello-forge-demo') },
    aur: { ...config.platforms.aur, remote: `ssh://aur@127.0.0.1:${services.DEPLOYFORGE_TEST_SSH_PORT}/${config.platforms.aur?.package ?? 'hello-forge-bin'}.git` },
  };
  const platforms: Record<string, unknown> = {};
  for (const id of enabled) platforms[id] = local[id] ?? config.platforms[id];
  config.platforms = platforms;
  config.required = (config.required as string[]).filter((r) => enabled.includes(r as SpokeId));
  return stringify(config);
}

async function buildArtifacts(version: string): Promise<string> {
  const artifacts = join(demo, 'artifacts');
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  say('Building examples/rust-cli for this machine (cargo build --release)');
  execFileSync('cargo', ['build', '--release', '--offline', '--quiet'], { cwd: join(demo, 'project'), stdio: 'inherit' });
  const host = hostTarget();
  const targets = (parse(readFileSync(join(root, 'examples/rust-cli/deployforge.yml'), 'utf8')) as { build: { targets: TargetId[] } }).build.targets;
  for (const target of targets) {
    let source = join(demo, 'project/target/release/hello-forge');
    if (target !== host) {
      // No cross toolchains here: a clearly labelled stand-in, so every spoke has every target.
      source = join(demo, `standin-${target}`);
      writeFileSync(source, `#!/bin/sh\necho "hello-forge ${version} (stand-in for ${target}: built on ${host ?? 'this machine'} without the ${target} toolchain)"\n`, { mode: 0o755 });
    }
    const files = ['README.md', 'LICENSE'].map((f) => ({ source: join(demo, 'project', f), name: f, mode: 0o644 }));
    await createArchive(targetInfo(target).archive, [{ source, name: binaryName('hello-forge', target), mode: 0o755 }, ...files], join(artifacts, archiveName('hello-forge', version, target)));
    process.stderr.write(`  ${archiveName('hello-forge', version, target)}${target === host ? '  (real build)' : '  (stand-in)'}\n`);
  }
  return artifacts;
}

function runCli(args: string[], env: Record<string, string>): number {
  try {
    execFileSync(process.execPath, [join(root, 'bin/deployforge.js'), ...args], { cwd: demo, env: { ...process.env, ...env }, stdio: 'inherit' });
    return 0;
  } catch (error) {
    return (error as { status?: number }).status ?? 1;
  }
}

const version = /^version = "([^"]+)"/m.exec(readFileSync(join(root, 'examples/rust-cli/Cargo.toml'), 'utf8'))?.[1] ?? '0.1.0';
mkdirSync(demo, { recursive: true });
rmSync(join(demo, 'project'), { recursive: true, force: true });
cpSync(join(root, 'examples/rust-cli'), join(demo, 'project'), { recursive: true, filter: (src) => !src.includes('/target') });

const enabled = SPOKE_IDS.filter((id) => isImplemented(id));
say(`Platforms this build of DeployForge publishes to: ${enabled.join(', ') || '(none yet)'}`);
writeFileSync(join(demo, 'deployforge.yml'), demoConfig(enabled));
const artifacts = await buildArtifacts(version);

const fakes: ChildProcess[] = [];
try {
  say('Starting the GitHub fake (OpenAPI-validated) on 127.0.0.1');
  const gh = await startFake('test/fakes/github/serve.ts', { DEPLOYFORGE_FAKE_GITHUB_TOKEN: TOKEN, DEPLOYFORGE_FAKE_GITHUB_REPOS: 'acme/hello-forge,acme/winget-pkgs,microsoft/winget-pkgs' });
  fakes.push(gh.child);
  const env: Record<string, string> = {
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: gh.url,
    GITHUB_REPOSITORY: 'acme/hello-forge',
    NPM_TOKEN: services.DEPLOYFORGE_TEST_NPM_TOKEN as string,
    DOCKER_USERNAME: 'demo',
    DOCKER_PASSWORD: 'demo-registry-has-no-auth',
    HOMEBREW_TAP_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN as string,
    SCOOP_BUCKET_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN as string,
    NIX_REPO_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN as string,
    HF_TOKEN: services.DEPLOYFORGE_TEST_GIT_HTTP_TOKEN as string,
    AUR_SSH_PRIVATE_KEY: readFileSync(services.DEPLOYFORGE_TEST_SSH_KEY as string, 'utf8'),
    GIT_SSH_COMMAND: services.DEPLOYFORGE_TEST_AUR_GIT_SSH_COMMAND as string,
  };
  const dryRuns = enabled.filter((id) => UNREACHABLE.has(id));
  const args = ['release', '--version', version, '--artifacts', artifacts, ...(dryRuns.length ? ['--dry-run-platforms', dryRuns.join(',')] : [])];

  say(`First run: deployforge ${args.join(' ')}`);
  const first = runCli(args, env);
  say('Second run: the same command; everything is already there, nothing is written');
  const second = runCli(args, env);

  const status = join(demo, '.deployforge/status.json');
  if (runCli(['dashboard', '--help'], env) === 0) {
    runCli(['dashboard', '--status', status, '--out', join(demo, 'dashboard')], env);
    say(`Dashboard: file://${join(demo, 'dashboard/index.html')}`);
  }
  say(`status.json: ${status}`);
  if (dryRuns.length) process.stderr.write(`Dry runs (no store reachable from here): ${dryRuns.join(', ')}\n`);
  process.exitCode = first !== 0 ? first : second;
} finally {
  for (const child of fakes) child.kill('SIGTERM');
}
