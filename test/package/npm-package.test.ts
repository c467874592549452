import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { sharedActionsRemote } from '../helpers/actions-remote.js';
import { repoRoot } from '../helpers/repo-root.js';
import { assertReachable, clientEnv, run, runOk, testServices } from '../helpers/services.js';

// What a user gets from `npm install deployforge`: the package is assembled from the committed bundles
// (scripts/build-npm-package.mjs), packed by npm itself, and installed into an empty folder with an npm
// whose registry is the local verdaccio (no uplinks) and whose cache and user config are fresh, so an
// install that needed anything from elsewhere would fail here. Then the README's first commands run
// through `npx deployforge` in a new repository.

const rootVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

let scratch: string;
let tarball: string;
let consumer: string;
let env: NodeJS.ProcessEnv;

const npx = (args: string[], cwd: string, extra: Record<string, string> = {}) =>
  run('npx', ['--no-install', 'deployforge', ...args], { cwd, env: { ...env, ...extra }, timeoutMs: 60_000 });

beforeAll(async () => {
  const services = testServices();
  await assertReachable('verdaccio', services.DEPLOYFORGE_TEST_NPM_REGISTRY);
  scratch = mkdtempSync(join(tmpdir(), 'df-npm-package-'));
  const home = join(scratch, 'home');
  mkdirSync(home);
  writeFileSync(join(scratch, 'npmrc'), `registry=${services.DEPLOYFORGE_TEST_NPM_REGISTRY}\n`);
  env = clientEnv({
    HOME: home,
    npm_config_userconfig: join(scratch, 'npmrc'),
    npm_config_cache: join(scratch, 'npm-cache'),
    npm_config_registry: services.DEPLOYFORGE_TEST_NPM_REGISTRY,
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  });

  await runOk(process.execPath, [join(repoRoot, 'scripts/build-npm-package.mjs'), '--out', join(scratch, 'package')], { env });
  const packed = JSON.parse(await runOk('npm', ['pack', join(scratch, 'package'), '--pack-destination', scratch, '--json'], { cwd: scratch, env })) as { filename: string }[];
  tarball = join(scratch, packed[0]!.filename);

  consumer = join(scratch, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), '{"name":"consumer","private":true}\n');
  await runOk('npm', ['install', tarball], { cwd: consumer, env, timeoutMs: 120_000 });
}, 180_000);

describe('the deployforge npm package', () => {
  test('holds only what runs: the bin, the bundles the CLI loads, README and LICENSE; no dependencies, no install scripts', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
    expect(files).toContain('bin/deployforge.js');
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(files).toContain('package.json');
    const unexpected = files.filter((f) => !/^(bin\/deployforge\.js|dist\/.+\.(js|LEGAL\.txt)|README\.md|LICENSE|package\.json)$/.test(f));
    expect(unexpected).toEqual([]);
    // The action entries are for action.yml files in the repository, not for the CLI.
    expect(files.filter((f) => f.startsWith('dist/actions/'))).toEqual([]);

    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'deployforge', version: rootVersion, bin: { deployforge: 'bin/deployforge.js' }, engines: { node: '>=20' } });
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
  });

  test('installs as one package, from the local registry only', () => {
    const installed = readdirSync(join(consumer, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(installed).toEqual(['deployforge']);
    const lock = JSON.parse(readFileSync(join(consumer, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).filter((k) => k !== '')).toEqual(['node_modules/deployforge']);
  });

  test('npx deployforge --version prints the package version', async () => {
    const result = await npx(['--version'], consumer);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(rootVersion);
  });

  test('the installed bin runs on Node 24 too (engines: >=20 is the floor, not the only one)', async () => {
    const node24 = testServices().DEPLOYFORGE_NODE24;
    const result = await run(node24, [join(consumer, 'node_modules/deployforge/bin/deployforge.js'), '--version'], { cwd: consumer, env, timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(rootVersion);
  });

  test('init, validate, plan and generate work in a new repository', async () => {
    const project = join(consumer, 'shimmy');
    mkdirSync(project);
    execFileSync('git', ['init', '-q', project]);
    execFileSync('git', ['-C', project, 'remote', 'add', 'origin', 'https://github.com/acme/shimmy.git']);
    writeFileSync(join(project, 'Cargo.toml'), '[package]\nname = "shimmy"\nversion = "1.2.3"\nedition = "2021"\n');

    const init = await npx(['init'], project);
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(join(project, 'deployforge.yml'))).toBe(true);

    const validate = await npx(['validate'], project);
    expect(validate.code, validate.stderr).toBe(0);

    const plan = await npx(['plan', '--version', '1.2.3', '--json'], project);
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({ ok: true, version: { version: '1.2.3', tag: 'v1.2.3' } });

    // generate pins DeployForge's actions by asking git where the release tag points: a local
    // stand-in repository answers, so nothing reaches github.com.
    const remote = sharedActionsRemote();
    const generate = await npx(['generate'], project, { DEPLOYFORGE_ACTIONS_GIT_URL: remote.url });
    expect(generate.code, generate.stderr).toBe(0);
    const workflow = readFileSync(join(project, '.github/workflows/release.yml'), 'utf8');
    expect(workflow).toContain(`deployforge/deployforge/actions/build-matrix@${remote.sha}`);

    const check = await npx(['generate', '--check'], project, { DEPLOYFORGE_ACTIONS_GIT_URL: remote.url });
    expect(check.code, check.stderr + check.stdout).toBe(0);
  });

  test('release --snapshot works from the installed package, offline, with no token', async () => {
    const project = join(consumer, 'snap');
    mkdirSync(project);
    execFileSync('git', ['init', '-q', project]);
    writeFileSync(join(project, 'deployforge.yml'), [
      'project: { name: snapdemo, repository: acme/snapdemo }',
      'build:',
      '  targets: [linux-x64]',
      `  command: mkdir -p out && printf '#!/bin/sh\\necho snapdemo\\n' > out/snapdemo && chmod +x out/snapdemo`,
      '  path: out/snapdemo',
      'platforms:',
      '  homebrew: { tap: acme/homebrew-tap }',
      '',
    ].join('\n'));
    const snapshot = await npx(['release', '--snapshot', '--version', '1.0.0', '--targets', 'linux-x64'], project, { GITHUB_TOKEN: '' });
    expect(snapshot.code, snapshot.stderr + snapshot.stdout).toBe(0);
    const kept = join(project, '.deployforge/dist/1.0.0');
    expect(readdirSync(join(kept, 'github')).sort()).toEqual(['SHA256SUMS', 'snapdemo-1.0.0-linux-x64.tar.gz', 'snapdemo-1.0.0.cdx.json']);
    expect(readFileSync(join(kept, 'homebrew/Formula/snapdemo.rb'), 'utf8')).toContain('version "1.0.0"');
  });
});
