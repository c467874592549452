import { describe, expect, test } from 'vitest';
import { pypiIndexUrl } from './pypi-settings.js';

describe('pypiIndexUrl: where existence and status are read', () => {
  test.each([
    [undefined, 'https://pypi.org/'],
    [{}, 'https://pypi.org/'],
    [{ repository: 'https://upload.pypi.org/legacy/' }, 'https://pypi.org/'],
    [{ repository: 'https://test.pypi.org/legacy/' }, 'https://test.pypi.org/'],
    [{ repository: 'https://pypi.internal.example:8443/simple/legacy/' }, 'https://pypi.internal.example:8443/'],
    [{ repository: 'http://127.0.0.1:4040/legacy/' }, 'http://127.0.0.1:4040/'],
    // An explicit index always wins, with its trailing slash made sure of.
    [{ repository: 'https://test.pypi.org/legacy/', index: 'https://mirror.example/pypi' }, 'https://mirror.example/pypi/'],
  ])('%j reads %s', (block, index) => {
    expect(pypiIndexUrl(block)).toBe(index);
  });

  test('a repository that is not a URL is bad input naming the key', () => {
    expect(() => pypiIndexUrl({ repository: 'not a url' })).toThrow(/platforms\.pypi\.repository: is not a URL/);
  });
});
