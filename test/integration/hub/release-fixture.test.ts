import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createReleaseFixture, type ReleaseFixture } from '../../helpers/release-fixture.js';

let fx: ReleaseFixture;
beforeAll(async () => {
  fx = await createReleaseFixture('project: { name: demo, repository: acme/demo }\nbuild: { targets: [linux-x64, windows-x64] }\nrelease: { notes: none }\nplatforms: { npm: {} }\n');
});
afterAll(() => fx.close());

describe('what spokes consume from the hub', () => {
  test('every archive with its sha256 from SHA256SUMS, SHA256SUMS itself, then every other file of the release', () => {
    // The other files (here the SBOM) are for spokes that hand on the whole release (custom).
    expect(fx.assets.map((a) => [a.name, a.target])).toEqual([
      ['demo-1.0.0-linux-x64.tar.gz', 'linux-x64'],
      ['demo-1.0.0-windows-x64.zip', 'windows-x64'],
      ['SHA256SUMS', undefined],
      ['demo-1.0.0.cdx.json', undefined],
    ]);
    for (const a of fx.assets) expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('each file downloads verified, SHA256SUMS and the SBOM too', async () => {
    const ctx = fx.context();
    for (const a of fx.assets.filter((x) => !x.target)) {
      const path = await ctx.fetchAsset(a);
      expect(createHash('sha256').update(readFileSync(path)).digest('hex'), a.name).toBe(a.sha256);
    }
  });

  test('fetchAsset downloads and verifies; the linux binary runs', async () => {
    const ctx = fx.context();
    const archive = await ctx.fetchAsset(fx.assets[0]!);
    const out = mkdtempSync(join(tmpdir(), 'df-x-'));
    execFileSync('tar', ['-xzf', archive, '-C', out]);
    expect(execFileSync(join(out, 'demo'), { encoding: 'utf8' })).toBe('demo 1.0.0 (linux-x64)\n');
  });

  test('a tampered sha256 is refused and leaves no file', async () => {
    const ctx = fx.context();
    const asset = { ...fx.assets[0]!, sha256: '0'.repeat(64) };
    await expect(ctx.fetchAsset(asset)).rejects.toThrow(/sha256 mismatch/);
  });

  test('zero OpenAPI violations', () => {
    expect(fx.gh.violations()).toEqual([]);
  });
});
