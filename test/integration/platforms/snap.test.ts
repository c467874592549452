import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createMemoryLogger, createRedactor } from '@deployforge/diagnostics';
import { loadPlatform, type Platform } from '@deployforge/platforms';
import { publishSpoke } from '@deployforge/publish';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';
import { repoRoot } from '../../helpers/repo-root.js';

// The store is out of reach here: the publish step runs whatever `snapcraft` is on PATH, and this
// test puts a recording stand-in there (test/fixtures/snap/snapcraft). The .snap files themselves
// are real squashfs images built by Debian's mksquashfs and read back with unsquashfs.
const VALID = 'snap_store_credentials_canary_0f1e2d3c4b5a';
const EXPIRED = 'snap_store_expired_canary_a5b4c3d2e1f0';
const standIn = join(repoRoot, 'test/fixtures/snap');

const CONFIG = `
project: { name: demo, repository: acme/demo, description: A demo tool that greets }
build: { targets: [linux-x64, linux-arm64, linux-x64-musl, macos-arm64] }
platforms:
  snap: { name: demo-tool, channel: [stable, 2.x/beta] }
`;

let fx: ReleaseFixture;
let snap: Platform;
let home: string;

function need(tool: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`]);
  } catch {
    throw new Error(`${tool} is missing: apt-get install -y --no-install-recommends squashfs-tools`);
  }
}

beforeAll(async () => {
  need('mksquashfs');
  need('unsquashfs');
  chmodSync(join(standIn, 'snapcraft'), 0o755);
  fx = await createReleaseFixture(CONFIG, '1.2.0');
  snap = (await loadPlatform('snap'))!;
  home = mkdtempSync(join(tmpdir(), 'df-snap-home-'));
  writeFileSync(join(home, 'valid-credentials'), VALID);
});
afterAll(async () => fx?.close());

function spoke(options: { credentials?: string; dryRun?: boolean } = {}) {
  const log = createMemoryLogger();
  const ctx = fx.context({
    log,
    dryRun: options.dryRun ?? false,
    env: { PATH: `${standIn}:${process.env.PATH}`, HOME: home, SNAPCRAFT_STORE_CREDENTIALS: options.credentials ?? VALID },
  });
  return { log, ctx, run: () => publishSpoke({ key: 'snap', platform: snap, ctx, redact: createRedactor([VALID, EXPIRED]) }) };
}

const calls = (kind?: string) => readdirSync(join(home, 'calls')).filter((f) => !kind || f.endsWith(`-${kind}`));

describe('snap spoke', () => {
  test('a dry run asks the store and uploads nothing', async () => {
    const outcome = await spoke({ dryRun: true }).run();
    expect(outcome.status, outcome.detail).toBe('dry-run');
    expect(outcome.files).toEqual(['amd64/meta/snap.yaml', 'arm64/meta/snap.yaml']);
    expect(calls('upload')).toEqual([]);
  });

  test('first publish builds one real .snap per architecture and uploads each with --release', async () => {
    const outcome = await spoke().run();
    expect(outcome.status, outcome.detail).toBe('published');
    expect(outcome.detail).toContain('amd64: revision');
    const uploads = readdirSync(join(home, 'uploads')).sort();
    expect(uploads).toEqual(['demo-tool_1.2.0_amd64.snap', 'demo-tool_1.2.0_arm64.snap']);

    for (const [arch, target] of [['amd64', 'linux-x64'], ['arm64', 'linux-arm64']] as const) {
      const file = join(home, 'uploads', `demo-tool_1.2.0_${arch}.snap`);
      const listing = execFileSync('unsquashfs', ['-l', file], { encoding: 'utf8' });
      expect(listing).toContain('squashfs-root/meta/snap.yaml');
      expect(listing).toContain('squashfs-root/bin/demo');
      const meta = parse(execFileSync('unsquashfs', ['-cat', file, 'meta/snap.yaml'], { encoding: 'utf8' }));
      expect(meta).toMatchObject({ name: 'demo-tool', version: '1.2.0', base: 'core22', confinement: 'strict', grade: 'stable', architectures: [arch] });
      expect(meta.apps.demo).toEqual({ command: 'bin/demo', plugs: ['home', 'network'] });
      // The gnu build is the one packed (snaps run on a glibc base), and it is the release's binary.
      const out = mkdtempSync(join(tmpdir(), 'df-unsnap-'));
      execFileSync('unsquashfs', ['-d', join(out, 'root'), file], { stdio: 'ignore' });
      expect(execFileSync(join(out, 'root/bin/demo'), { encoding: 'utf8' }).trim()).toBe(`demo 1.2.0 (${target})`);
    }
    const upload = readFileSync(join(home, 'calls', calls('upload')[0]!), 'utf8');
    expect(upload).toContain('argv: upload --release=stable,2.x/beta');
    expect(upload).toContain('has-credentials: yes');
    expect(upload).not.toContain(VALID);
    expect(upload).toMatch(/env-names: HOME PATH SNAPCRAFT_STORE_CREDENTIALS $/m);
  });

  test('a second run finds both revisions and uploads nothing', async () => {
    const before = calls('upload').length;
    const outcome = await spoke().run();
    expect(outcome.status).toBe('skipped');
    expect(outcome.existence?.state).toBe('identical');
    expect(outcome.existence?.detail).toMatch(/amd64 r\d+, arm64 r\d+/);
    expect(calls('upload').length).toBe(before);
  });

  test('the build is reproducible: uploading again gets the store\'s identical-binary answer, a skip', async () => {
    const { ctx } = spoke();
    const result = await snap.publish(ctx, snap.render(ctx));
    expect(result.status, result.detail).toBe('skipped');
    expect(result.detail).toContain('identical binary');
  });

  test('expired credentials need a human, with the renewal command; the secret is nowhere', async () => {
    const expired = spoke({ credentials: EXPIRED });
    const outcome = await expired.run();
    expect(outcome.existence?.state).toBe('unknown');
    expect(outcome.status).toBe('needs-human');
    expect(outcome.detail).toContain('snapcraft export-login --snaps=demo-tool --channels=stable,2.x/beta');
    expect(JSON.stringify(outcome)).not.toContain(EXPIRED);
    expect(expired.log.lines.join('\n')).not.toContain(EXPIRED);
    for (const f of calls()) expect(readFileSync(join(home, 'calls', f), 'utf8')).not.toContain(EXPIRED);
  });

  test('status reads the newest released version', async () => {
    const { ctx } = spoke();
    expect(await snap.status(ctx)).toMatchObject({ latest: '1.2.0', url: 'https://snapcraft.io/demo-tool' });
  });

});
