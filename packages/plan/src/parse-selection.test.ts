import { describe, expect, test } from 'vitest';
import { ConfigurationError } from '@deployforge/diagnostics';
import { parsePlatformSelection } from './parse-selection.js';

const enabled = ['npm', 'pypi', 'homebrew', 'scoop', 'custom:deploy', 'custom:notify'];

describe('parsePlatformSelection', () => {
  test.each([
    [undefined, { kind: 'all' }],
    ['', { kind: 'all' }],
    ['all', { kind: 'all' }],
    [' all ', { kind: 'all' }],
    ['homebrew,scoop', { kind: 'some', keys: ['homebrew', 'scoop'] }],
    [' npm , npm,pypi', { kind: 'some', keys: ['npm', 'pypi'] }],
    ['custom', { kind: 'some', keys: ['custom:deploy', 'custom:notify'] }],
    ['custom:notify', { kind: 'some', keys: ['custom:notify'] }],
  ])('%j -> %j', (raw, expected) => {
    expect(parsePlatformSelection(raw, enabled)).toEqual(expected);
  });

  test.each([
    ['bogus', /platforms: "bogus" is not enabled in deployforge\.yml\. Expected "all" or a comma-separated list of: npm, pypi/],
    ['homebrw', /did you mean "homebrew"/],
    ['crates', /"crates" is not enabled/],
    ['npm;rm -rf /', /is not a platform id/],
    ['$(whoami)', /is not a platform id/],
    ['${{ github.token }}', /is not a platform id/],
    ['npm\nevil', /is not a platform id/],
    [',', /no platform named/],
    ['all,npm', /platforms: "all" stands alone \(it selects every platform\): give either "all" or the names\. Expected "all" or a comma-separated list of: npm/],
    ['github,npm', /platforms: "github" is the release itself, which every run makes \(or finds complete\); name only the platforms that publish from it/],
  ])('%j is refused with a message naming the input', (raw, message) => {
    let error: unknown;
    try {
      parsePlatformSelection(raw, enabled);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toMatch(message);
    expect((error as ConfigurationError).message).not.toContain('\n');
  });

  test('uses the given input name in the message', () => {
    expect(() => parsePlatformSelection('bogus', enabled, '--platforms')).toThrow(/^--platforms: /);
  });
});
