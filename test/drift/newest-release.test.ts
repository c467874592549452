import { describe, expect, test } from 'vitest';
import type { RemoteRelease } from '@deployforge/github';
import { driftState, selectNewestRelease } from '@deployforge/runner';
import { parseVersionInput } from '@deployforge/version';

let nextId = 1;
const release = (tag: string, publishedAt: string, extra: Partial<RemoteRelease> = {}) => ({
  id: nextId++, tag_name: tag, draft: false, prerelease: false, html_url: `https://example.test/${tag}`, upload_url: '', published_at: publishedAt, ...extra,
});
const v = (text: string) => parseVersionInput(text, { tagPrefix: 'v', origin: 'test' });

describe('selectNewestRelease', () => {
  test.each([
    ['highest stable wins over a later patch of an older line', [release('v1.1.0', '2026-01-02'), release('v1.0.1', '2026-01-03')], 'v1.1.0'],
    ['a prerelease published last is the reference', [release('v1.1.0', '2026-01-02'), release('v2.0.0-rc.1', '2026-01-03', { prerelease: true })], 'v2.0.0-rc.1'],
    ['a prerelease followed by a stable release is ignored', [release('v2.0.0-rc.1', '2026-01-02', { prerelease: true }), release('v1.1.1', '2026-01-03')], 'v1.1.1'],
    ['drafts never count', [release('v1.0.0', '2026-01-01'), release('v9.0.0', '2026-01-05', { draft: true })], 'v1.0.0'],
    ['tags that are not versions are ignored', [release('v1.0.0', '2026-01-01'), release('nightly', '2026-01-05')], 'v1.0.0'],
  ])('%s', (_, releases, expected) => {
    expect(selectNewestRelease(releases, 'v')?.release.tag_name).toBe(expected);
  });

  test('no published release: undefined', () => {
    expect(selectNewestRelease([release('v1.0.0', '2026-01-01', { draft: true })], 'v')).toBeUndefined();
  });
});

describe('driftState', () => {
  test.each([
    [undefined, '1.2.0', 'missing'],
    ['1.2.0', '1.2.0', 'in-sync'],
    ['v1.2.0', '1.2.0', 'in-sync'],
    ['1.1.9', '1.2.0', 'behind'],
    ['1.3.0', '1.2.0', 'ahead'],
    ['2.0.0rc1', '2.0.0-rc.1', 'in-sync'],
    ['2.0.0-rc.1', '2.0.0', 'behind'],
    ['not-a-version', '1.2.0', 'unknown'],
  ] as const)('live %s vs release %s: %s', (live, rel, expected) => {
    expect(driftState(live, v(rel)).state).toBe(expected);
  });
});
