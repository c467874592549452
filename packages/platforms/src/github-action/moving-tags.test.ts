import { describe, expect, test } from 'vitest';
import { movingTags, tagPrefix } from './moving-tags.js';

const owned = (version: string, released: string[], levels: ('major' | 'minor')[] = ['major', 'minor']) =>
  movingTags(version, 'v', levels, released).filter((t) => t.owned).map((t) => t.name);

describe('movingTags: which of v1 / v1.2 a release moves', () => {
  test('the first release of a line creates both', () => {
    expect(owned('1.0.0', [])).toEqual(['v1', 'v1.0']);
  });

  test('a newer release moves both forward', () => {
    expect(owned('1.2.0', ['1.0.0', '1.1.0', '1.1.4'])).toEqual(['v1', 'v1.2']);
    expect(owned('1.2.1', ['1.2.0', '1.1.4'])).toEqual(['v1', 'v1.2']);
  });

  test('a fix to an older minor after a newer minor moves only its own minor tag, never v1 backwards', () => {
    const tags = movingTags('1.1.5', 'v', ['major', 'minor'], ['1.0.0', '1.1.4', '1.2.0']);
    expect(tags).toEqual([
      { level: 'major', name: 'v1', newest: '1.2.0', owned: false },
      { level: 'minor', name: 'v1.1', newest: '1.1.5', owned: true },
    ]);
  });

  test('a fix to an older major moves that major only', () => {
    expect(owned('1.4.2', ['1.4.1', '2.0.0', '2.1.0'])).toEqual(['v1', 'v1.4']);
  });

  test('re-releasing an old version (a re-run of 1.1.0 after 1.2.0) moves nothing', () => {
    expect(owned('1.1.0', ['1.1.0', '1.1.1', '1.2.0'])).toEqual([]);
  });

  test('the release itself in the list (it is published before the spoke runs) changes nothing', () => {
    expect(owned('1.2.0', ['1.2.0', '1.1.0'])).toEqual(['v1', 'v1.2']);
  });

  test('prereleases move nothing and never count as the newest of a line', () => {
    expect(movingTags('2.0.0-rc.1', 'v', ['major', 'minor'], ['1.9.0'])).toEqual([]);
    expect(owned('1.2.0', ['1.3.0-beta.1', '2.0.0-rc.1'])).toEqual(['v1', 'v1.2']);
  });

  test('only the configured levels, with the configured prefix; tags that are not versions are ignored', () => {
    expect(owned('1.2.0', ['latest', 'nightly'], ['major'])).toEqual(['v1']);
    expect(movingTags('0.3.1', 'release-', ['minor'], []).map((t) => t.name)).toEqual(['release-0.3']);
  });

  test('build metadata does not make a release newer than itself', () => {
    expect(owned('1.2.3+build.7', ['1.2.3'])).toEqual(['v1', 'v1.2']);
  });

  test('tagPrefix reads the prefix off the tag', () => {
    expect(tagPrefix('v1.2.3', '1.2.3')).toBe('v');
    expect(tagPrefix('release-1.2.3', '1.2.3')).toBe('release-');
    expect(tagPrefix('1.2.3', '1.2.3')).toBe('');
  });
});
