import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { parseVersionInput } from '@deployforge/version';
import { createPlan } from './create-plan.js';
import { credentialFactsFromEnv } from './credential-facts.js';
import { parsePlatformSelection } from './parse-selection.js';
import { spokeKeys } from './spoke-keys.js';

const example = (name: string) => {
  const file = fileURLToPath(new URL(`../../../examples/${name}/deployforge.yml`, import.meta.url));
  return parseConfig(readFileSync(file, 'utf8'), `examples/${name}/deployforge.yml`);
};
const version = parseVersionInput('1.2.3', { tagPrefix: 'v', origin: 'test' });

describe('createPlan on examples/rust-cli', () => {
  const loaded = example('rust-cli');
  const plan = createPlan({ loaded, version, trigger: 'tag', selection: { kind: 'all' } });

  test('the matrix has every target with its Rust triple, GOOS/GOARCH and archive', () => {
    const byTarget = Object.fromEntries(plan.matrix.include.map((m) => [m.target, m]));
    expect(Object.keys(byTarget)).toEqual([
      'linux-x64', 'linux-arm64', 'linux-x64-musl', 'linux-arm64-musl', 'macos-x64', 'macos-arm64', 'windows-x64', 'windows-arm64',
    ]);
    expect(byTarget['linux-arm64-musl']).toMatchObject({ 'rust-target': 'aarch64-unknown-linux-musl', goos: 'linux', goarch: 'arm64', archive: 'hello-forge-1.2.3-linux-arm64-musl.tar.gz', binary: 'hello-forge' });
    expect(byTarget['macos-arm64']).toMatchObject({ 'rust-target': 'aarch64-apple-darwin', goos: 'darwin', goarch: 'arm64' });
    expect(byTarget['windows-x64']).toMatchObject({ 'rust-target': 'x86_64-pc-windows-msvc', goos: 'windows', goarch: 'amd64', archive: 'hello-forge-1.2.3-windows-x64.zip', 'archive-format': 'zip', binary: 'hello-forge.exe' });
  });

  test('every target carries its npm, PyPI and OCI names', () => {
    const t = Object.fromEntries(plan.targets.map((x) => [x.target, x]));
    expect(t['linux-x64']?.npm).toEqual({ os: 'linux', cpu: 'x64', libc: 'glibc', package: `${loaded.config.platforms?.npm?.package}-linux-x64` });
    expect(t['windows-arm64']?.npm).toMatchObject({ os: 'win32', cpu: 'arm64' });
    expect(t['macos-x64']?.pypi.platformTag).toMatch(/^macosx_\d+_\d+_x86_64$/);
    expect(t['linux-arm64']?.oci).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
    expect(t['macos-arm64']?.oci).toBeUndefined();
  });

  test('a tag push builds, releases and runs every enabled spoke', () => {
    expect(plan.build.run).toBe(true);
    expect(plan.release.run).toBe(true);
    expect(plan.spokes.map((s) => s.key)).toEqual(spokeKeys(loaded.config, loaded.enabledPlatforms).map((k) => k.key));
    expect(plan.spokes.every((s) => s.run && s.jobId.startsWith('publish-'))).toBe(true);
    expect(plan.spokes.filter((s) => s.required).map((s) => s.key).sort()).toEqual([...(loaded.config.required ?? [])].sort());
  });

  test('a dispatch for a complete release skips build and release and runs only the chosen spokes', () => {
    const selection = parsePlatformSelection('homebrew,scoop', plan.spokes.map((s) => s.key));
    const redeploy = createPlan({ loaded, version, trigger: 'dispatch', selection, existence: { github: { state: 'identical' } } });
    expect(redeploy.build.run).toBe(false);
    expect(redeploy.release.run).toBe(false);
    expect(redeploy.spokes.filter((s) => s.run).map((s) => s.key)).toEqual(['homebrew', 'scoop']);
  });

  test('existence facts skip what is already published', () => {
    const rerun = createPlan({ loaded, version, trigger: 'tag', selection: { kind: 'all' }, existence: { github: { state: 'identical' }, npm: { state: 'identical' }, pypi: { state: 'absent' } } });
    expect(rerun.spokes.find((s) => s.key === 'npm')).toMatchObject({ run: false, reason: 'already-published', outcomeIfSkipped: 'skipped' });
    expect(rerun.spokes.find((s) => s.key === 'pypi')).toMatchObject({ run: true });
  });

  test('credential preflight: only presence is used, and a missing one is reported', () => {
    const credentials = credentialFactsFromEnv({ NPM_TOKEN: 'secret-value', DEPLOYFORGE_HAS_PYPI_TOKEN: 'true', DEPLOYFORGE_HAS_CHOCOLATEY_API_KEY: 'false' });
    const checked = createPlan({ loaded, version, trigger: 'tag', selection: { kind: 'all' }, credentials });
    const spoke = (k: string) => checked.spokes.find((s) => s.key === k);
    expect(spoke('npm')).toMatchObject({ run: true });
    expect(spoke('pypi')).toMatchObject({ run: true });
    expect(spoke('chocolatey')).toMatchObject({ run: false, reason: 'missing-credential', outcomeIfSkipped: 'failed' });
    expect(spoke('chocolatey')?.detail).toMatch(/CHOCOLATEY_API_KEY/);
    expect(JSON.stringify(checked)).not.toContain('secret-value');
  });

  test('OIDC satisfies npm without a token', () => {
    const credentials = credentialFactsFromEnv({ ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1/token' });
    const checked = createPlan({ loaded, version, trigger: 'tag', selection: { kind: 'all' }, credentials });
    expect(checked.spokes.find((s) => s.key === 'npm')?.run).toBe(true);
    expect(checked.spokes.find((s) => s.key === 'homebrew')?.reason).toBe('missing-credential');
  });

  test('dryRunKeys make one spoke a dry run: its missing credential no longer stops it', () => {
    const credentials = credentialFactsFromEnv({});
    const mixed = createPlan({ loaded, version, trigger: 'local', selection: { kind: 'all' }, credentials, dryRunKeys: new Set(['snap']) });
    expect(mixed.spokes.find((s) => s.key === 'snap')).toMatchObject({ run: true });
    expect(mixed.spokes.find((s) => s.key === 'snap')?.detail).toMatch(/dry run/);
    expect(mixed.spokes.find((s) => s.key === 'homebrew')).toMatchObject({ run: false, reason: 'missing-credential' });
  });

  test('the generated plan job says OIDC is available to publish jobs: trusted publishing needs no token', () => {
    const checked = createPlan({ loaded, version, trigger: 'tag', selection: { kind: 'all' }, credentials: credentialFactsFromEnv({ DEPLOYFORGE_HAS_OIDC: 'true' }) });
    expect(checked.spokes.find((s) => s.key === 'pypi')?.run).toBe(true);
    expect(checked.spokes.find((s) => s.key === 'crates')?.run).toBe(true);
    expect(checked.spokes.find((s) => s.key === 'scoop')?.reason).toBe('missing-credential');
    expect(credentialFactsFromEnv({ DEPLOYFORGE_HAS_OIDC: 'false' }).oidcAvailable).toBe(false);
  });

  test('prebuilt artifacts skip the build but not the release', () => {
    const local = createPlan({ loaded, version, trigger: 'local', selection: { kind: 'all' }, artifactsProvided: true });
    expect(local.build).toMatchObject({ run: false, reason: 'artifacts-provided' });
    expect(local.release.run).toBe(true);
  });
});

describe('createPlan on examples/go-cli', () => {
  test('GOOS/GOARCH per target', () => {
    const loaded = example('go-cli');
    const plan = createPlan({ loaded, version, trigger: 'tag', selection: { kind: 'all' } });
    for (const m of plan.matrix.include) {
      expect(m.goos).toBe(m.target.startsWith('macos') ? 'darwin' : m.target.split('-')[0]);
      expect(m.goarch).toBe(m.target.includes('arm64') ? 'arm64' : 'amd64');
    }
  });
});

describe('the hub signing key is a credential of the release', () => {
  const signed = parseConfig(
    'project:\n  name: shimmy\nversion:\n  from: tag\nrelease:\n  gpg-key: GPG_PRIVATE_KEY\n  gpg-passphrase: GPG_PASSPHRASE\n',
    'deployforge.yml',
  );
  const plan = (env: Record<string, string>, existence?: 'identical', trigger: 'local' | 'dispatch' = 'local') =>
    createPlan({
      loaded: signed,
      version,
      trigger,
      selection: { kind: 'all' },
      credentials: credentialFactsFromEnv(env),
      ...(existence ? { existence: { github: { state: existence, detail: 'complete' } } } : {}),
    });

  test('a missing key or passphrase stops the plan, naming both keys and no value', () => {
    expect(() => plan({ DEPLOYFORGE_HAS_GPG_PASSPHRASE: 'true' })).toThrow(
      /^release\.gpg-key: the secret GPG_PRIVATE_KEY is not set\. SHA256SUMS would go out unsigned/,
    );
    expect(() => plan({ DEPLOYFORGE_HAS_GPG_PRIVATE_KEY: 'true', DEPLOYFORGE_HAS_GPG_PASSPHRASE: 'false' })).toThrow(/release\.gpg-passphrase: the secret GPG_PASSPHRASE/);
  });

  test('present secrets plan the release; a finished release needs no key (redeploying spokes signs nothing)', () => {
    expect(plan({ DEPLOYFORGE_HAS_GPG_PRIVATE_KEY: 'true', DEPLOYFORGE_HAS_GPG_PASSPHRASE: 'true' }).release.run).toBe(true);
    expect(plan({}, 'identical').release.run).toBe(false);
  });

  test("the workflow's plan job cannot see the sign job's environment secrets, so it leaves the refusal to the sign job", () => {
    expect(plan({}, undefined, 'dispatch').release.run).toBe(true);
  });
});
