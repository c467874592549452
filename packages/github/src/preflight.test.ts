import { ConfigurationError } from '@deployforge/diagnostics';
import { describe, expect, it } from 'vitest';
import { MAX_ASSET_BYTES, preflightAssets, type PlannedAsset } from './preflight.js';
import { selectReleaseForTag, AmbiguousReleaseError } from './find-release.js';
import { assetUploadUrl } from './upload-asset-stream.js';
import type { RemoteRelease } from './release-types.js';

const asset = (name: string, size = 10): PlannedAsset => ({ name, path: `/dist/${name}`, size });

describe('preflightAssets', () => {
  it('accepts a normal release', () => {
    expect(() => preflightAssets([asset('app-1.0.0-linux-x64.tar.gz'), asset('SHA256SUMS'), asset('app.sbom.json', MAX_ASSET_BYTES)])).not.toThrow();
  });
  it.each<[string, PlannedAsset[], string[], RegExp]>([
    ['a file over 2 GiB', [asset('big.tar.gz', MAX_ASSET_BYTES + 1)], [], /up to 2 GiB/],
    ['duplicate names', [asset('a.zip'), { name: 'a.zip', path: '/other/a.zip', size: 1 }], [], /used twice/],
    ['a name GitHub would rename', [asset('my app.zip')], [], /would rename/],
    ['a leading period', [asset('.hidden')], [], /would rename/],
    ['a trailing period', [asset('name.')], [], /would rename/],
    ['more than 1000 assets', Array.from({ length: 1001 }, (_, i) => asset(`f${i}.bin`)), [], /at most 1000/],
    ['1000 with the ones already on the release', Array.from({ length: 999 }, (_, i) => asset(`f${i}.bin`)), ['old1', 'old2'], /1001 assets/],
  ])('rejects %s with a ConfigurationError', (_label, assets, others, message) => {
    let thrown: unknown;
    try {
      preflightAssets(assets, others);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect((thrown as Error).message).toMatch(message);
  });
});

const rel = (id: number, tag: string, draft: boolean): RemoteRelease => ({
  id,
  tag_name: tag,
  draft,
  prerelease: false,
  html_url: `https://example.test/${id}`,
  upload_url: `https://uploads.example.test/${id}/assets{?name,label}`,
});

describe('selectReleaseForTag', () => {
  it.each<[string, RemoteRelease[], number | undefined]>([
    ['nothing', [rel(1, 'v0.9.0', false)], undefined],
    ['one draft', [rel(1, 'v1.0.0', true)], 1],
    ['published wins over nothing', [rel(1, 'v1.0.0', false), rel(2, 'v1.1.0', true)], 1],
    ['published wins over a stray draft', [rel(3, 'v1.0.0', true), rel(1, 'v1.0.0', false)], 1],
  ])('%s', (_label, releases, id) => {
    expect(selectReleaseForTag(releases, 'v1.0.0')?.id).toBe(id);
  });
  it('refuses two drafts, naming both ids', () => {
    expect(() => selectReleaseForTag([rel(7, 'v1.0.0', true), rel(4, 'v1.0.0', true)], 'v1.0.0')).toThrow(AmbiguousReleaseError);
    expect(() => selectReleaseForTag([rel(7, 'v1.0.0', true), rel(4, 'v1.0.0', true)], 'v1.0.0')).toThrow(/ids 4, 7/);
  });
});

describe('assetUploadUrl', () => {
  it('strips the RFC 6570 tail and encodes name and label', () => {
    expect(assetUploadUrl('https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}', 'a+b.zip', 'Linux x64').href).toBe(
      'https://uploads.github.com/repos/o/r/releases/1/assets?name=a%2Bb.zip&label=Linux+x64',
    );
  });
});
