import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { ConfigurationError } from '@deployforge/diagnostics';
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
    expect(spoke('chocolatey')).toMatchObject({ run: false, reason: 'missing-credential', outcomeIfSkipped: 'skipped' });
    expect(spoke('chocolatey')?.detail).toMatch(/CHOCOLATEY_API_KEY/);
    expect(JSON.stringify(checked)).not.toContain('secret-value');
  });


  test('dryRunKeys make one spoke a dry run: its missing credential no longer stops it', () => {
    const credentials = credentialFactsFromEnv({ NPM_TOKEN: 'n', PYPI_TOKEN: 'p' });
    const mixed = createPlan({ loaded, version, trigger: 'local', selection: { kind: 'all' }, credentials, dryRunKeys: new Set(['snap']) });
    expect(mixed.spokes.find((s) => s.key === 'snap')).toMatchObject({ run: true });
    expect(mixed.spokes.find((s) => s.key === 'snap')?.detail).toMatch(/dry run/);
    expect(mixed.spokes.find((s) => s.key === 'homebrew')).toMatchObject({ run: false, reason: 'missing-credential' });
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

  test("a plan job outside the sign job's environment cannot see its secrets, so it leaves the refusal to the sign job", () => {
    expect(plan({}, undefined, 'dispatch').release.run).toBe(true);
    expect(plan({ DEPLOYFORGE_SECRETS_ENVIRONMENT: 'elsewhere' }, undefined, 'dispatch').release.run).toBe(true);
  });

  test('the generated plan job runs in the publish environment, where the sign job runs: it refuses a missing key itself', () => {
    expect(() => plan({ DEPLOYFORGE_SECRETS_ENVIRONMENT: 'release', DEPLOYFORGE_HAS_GPG_PASSPHRASE: 'true' }, undefined, 'dispatch'))
      .toThrow(/^release\.gpg-key: the secret GPG_PRIVATE_KEY is not set/);
    expect(plan({ DEPLOYFORGE_SECRETS_ENVIRONMENT: 'release', DEPLOYFORGE_HAS_GPG_PRIVATE_KEY: 'true', DEPLOYFORGE_HAS_GPG_PASSPHRASE: 'true' }, undefined, 'dispatch').release.run).toBe(true);
  });
});

describe('credentials of required platforms, trusted publishing and environments', () => {
  const config = (platforms: string, extra = '') => parseConfig(
    `project:\n  name: shimmy\nversion:\n  from: tag\n${extra}required:\n  - homebrew\n  - npm\nplatforms:\n${platforms}`,
    'deployforge.yml',
  );
  const twoRequired = config('  npm: {}\n  homebrew: { tap: acme/homebrew-tap }\n  scoop: { bucket: acme/scoop-bucket }\n');
  const plan = (loaded: ReturnType<typeof config>, env: Record<string, string>, more: Partial<Parameters<typeof createPlan>[0]> = {}) =>
    createPlan({ loaded, version, trigger: 'local', selection: { kind: 'all' }, credentials: credentialFactsFromEnv(env), ...more });

  test('a required platform without its credential stops the plan, naming the platform, the variable and the required entry', () => {
    let error: unknown;
    try { plan(twoRequired, { NPM_TOKEN: 'n' }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).exitCode).toBe(2);
    expect((error as ConfigurationError).message).toMatch(/^deployforge\.yml:6:5: required\[0\]: homebrew is required, but missing credential: set HOMEBREW_TAP_TOKEN .*Nothing was built or published/);
    expect((error as ConfigurationError).message).not.toMatch(/npm is required/);
  });

  test('an optional platform without its credential is skipped, not failed', () => {
    const checked = plan(twoRequired, { NPM_TOKEN: 'n', HOMEBREW_TAP_TOKEN: 'h' });
    expect(checked.spokes.find((s) => s.key === 'scoop')).toMatchObject({ run: false, reason: 'missing-credential', outcomeIfSkipped: 'skipped', required: false });
    expect(checked.spokes.find((s) => s.key === 'scoop')?.detail).toMatch(/^missing credential: set SCOOP_BUCKET_TOKEN/);
  });

  test('a required platform is not refused in a dry run, when not selected, or when already published', () => {
    expect(plan(twoRequired, {}, { dryRun: true }).spokes.find((s) => s.key === 'npm')?.run).toBe(true);
    expect(plan(twoRequired, {}, { selection: { kind: 'some', keys: ['scoop'] } }).spokes.find((s) => s.key === 'npm')?.reason).toBe('not-selected');
    const published = plan(twoRequired, {}, { existence: { npm: { state: 'identical' }, homebrew: { state: 'identical' } } });
    expect(published.spokes.find((s) => s.key === 'npm')?.reason).toBe('already-published');
  });

  test('OIDC is a credential only where trusted-publishing is declared', () => {
    // The generated plan job sets DEPLOYFORGE_HAS_OIDC; a platform that merely supports trusted
    // publishing, with no token and no declaration, is a missing credential.
    const undeclared = config('  npm: {}\n  homebrew: { tap: acme/homebrew-tap }\n');
    expect(() => plan(undeclared, { DEPLOYFORGE_HAS_OIDC: 'true', HOMEBREW_TAP_TOKEN: 'h' })).toThrow(/npm is required, but missing credential: set NPM_TOKEN .*add `trusted-publishing: true` to platforms\.npm/);
    const declared = config('  npm: { trusted-publishing: true }\n  homebrew: { tap: acme/homebrew-tap }\n  pypi: {}\n');
    const checked = plan(declared, { DEPLOYFORGE_HAS_OIDC: 'true', HOMEBREW_TAP_TOKEN: 'h' });
    expect(checked.spokes.find((s) => s.key === 'npm')).toMatchObject({ run: true, credentials: { trustedPublishing: true, satisfied: true } });
    expect(checked.spokes.find((s) => s.key === 'pypi')).toMatchObject({ run: false, reason: 'missing-credential' });
    // Declared, but a laptop has no OIDC token: still missing, and the message says why.
    expect(() => plan(declared, { HOMEBREW_TAP_TOKEN: 'h' })).toThrow(/npm is required, but missing credential: set NPM_TOKEN .*trusted publishing is declared, but no GitHub OIDC token is available here/);
    expect(credentialFactsFromEnv({ DEPLOYFORGE_HAS_OIDC: 'false' }).oidcAvailable).toBe(false);
  });

  test('in the workflow the plan job sees its own environment: a spoke elsewhere is left to check its own secrets', () => {
    const split = config('  npm: { environment: npm-prod }\n  homebrew: { tap: acme/homebrew-tap }\n  scoop: { bucket: acme/scoop-bucket }\n', 'workflow:\n  environment: release\n');
    const checked = plan(split, { DEPLOYFORGE_SECRETS_ENVIRONMENT: 'release', DEPLOYFORGE_HAS_HOMEBREW_TAP_TOKEN: 'true', DEPLOYFORGE_HAS_NPM_TOKEN: 'false' }, { trigger: 'tag' });
    expect(checked.spokes.find((s) => s.key === 'npm')).toMatchObject({ run: true, credentials: { satisfied: 'unchecked', hiddenIn: 'npm-prod' } });
    // Scoop runs in the plan job's own environment: its absence is a fact.
    expect(checked.spokes.find((s) => s.key === 'scoop')).toMatchObject({ run: false, reason: 'missing-credential' });
  });
});

describe('createPlan names the Cargo registry in use', () => {
  const plan = (crates: string) => createPlan({
    loaded: parseConfig(`project: { name: demo }\nbuild: { command: make, path: out/demo }\nplatforms:\n  crates: ${crates}\n`, 'deployforge.yml'),
    version, trigger: 'tag', selection: { kind: 'all' },
    existence: { github: { state: 'absent' }, crates: { state: 'different', detail: 'the index lists another checksum' } },
    force: true,
  }).spokes.find((s) => s.key === 'crates')!;

  test('a custom registry is named in the spoke and in why the version is refused', () => {
    const spoke = plan('{ registry: local, index: "sparse+http://127.0.0.1:1/index/" }');
    expect(spoke.displayName).toBe('Cargo registry "local"');
    expect(spoke.detail).toContain('Cargo registry "local" never allows replacing a version');
    expect(spoke.detail).not.toContain('crates.io');
  });

  test('the default registry keeps the crates.io wording', () => {
    for (const block of ['{}', '{ registry: crates-io }']) {
      const spoke = plan(block);
      expect(spoke.displayName).toBe('crates.io');
      expect(spoke.detail).toContain('crates.io never allows replacing a version');
    }
  });
});
