import { describe, expect, test } from 'vitest';
import { parseVersionInput } from '@deployforge/version';
import { expandTags, versionTag } from './image-tags.js';

const v = (text: string) => parseVersionInput(text, { tagPrefix: 'v', origin: 'test' });
const ALL = ['{version}', '{major}.{minor}', 'latest'];

describe('expandTags', () => {
  test.each([
    ['1.2.3', ALL, ['1.2.3', '1.2', 'latest']],
    ['1.2.3-rc.1', ALL, ['1.2.3-rc.1']],
    ['1.2.3', ['latest'], ['1.2.3', 'latest']],
    ['1.2.3', ['{version}-alpine', 'v{major}'], ['1.2.3', '1.2.3-alpine', 'v1']],
    ['1.2.3+build.5', ['{version}'], ['1.2.3_build.5']],
  ])('%s %j', (version, templates, tags) => {
    expect(expandTags(templates, v(version)).map((t) => t.tag)).toEqual(tags);
  });

  test('floating tags are the ones that do not name the release', () => {
    expect(expandTags(ALL, v('1.2.3'))).toEqual([
      { tag: '1.2.3', floating: false },
      { tag: '1.2', floating: true },
      { tag: 'latest', floating: true },
    ]);
    expect(versionTag('1.0.0+x')).toBe('1.0.0_x');
  });
});
