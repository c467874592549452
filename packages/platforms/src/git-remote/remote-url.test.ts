import { describe, expect, it } from 'vitest';
import { authConfigEntries } from './git-auth.js';
import { browseUrl, httpOrigin, resolveGitRemote } from './remote-url.js';

describe('resolveGitRemote', () => {
  it.each([
    ['acme/homebrew-tap', {}, 'https://github.com/acme/homebrew-tap.git', 'acme/homebrew-tap'],
    ['acme/homebrew-tap', { GITHUB_SERVER_URL: 'https://ghe.example/' }, 'https://ghe.example/acme/homebrew-tap.git', 'acme/homebrew-tap'],
    ['https://example.test/acme/bucket.git', {}, 'https://example.test/acme/bucket.git', 'acme/bucket'],
    ['git@github.com:acme/tap.git', {}, 'git@github.com:acme/tap.git', 'acme/tap'],
    ['git://127.0.0.1:9418/tap.git', {}, 'git://127.0.0.1:9418/tap.git', undefined],
    ['https://huggingface.co/spaces/acme/demo', {}, 'https://huggingface.co/spaces/acme/demo', 'acme/demo'],
  ])('%s', (spec, env, url, slug) => {
    const remote = resolveGitRemote(spec, env, 'platforms.x.tap');
    expect(remote.url).toBe(url);
    expect(remote.slug).toBe(slug);
  });

  it('refuses anything else, naming the key', () => {
    expect(() => resolveGitRemote('not a remote', {}, 'platforms.homebrew.tap')).toThrow(/platforms\.homebrew\.tap/);
  });
});

describe('auth and links', () => {
  it('scopes the basic-auth header to the remote origin and carries the token nowhere else', () => {
    const entries = authConfigEntries(httpOrigin('https://github.com/acme/tap.git'), { username: 'x-access-token', token: 'tok123' });
    expect(entries).toEqual([['http.https://github.com/.extraHeader', `Authorization: Basic ${Buffer.from('x-access-token:tok123').toString('base64')}`]]);
    expect(authConfigEntries('https://github.com/', undefined)).toEqual([]);
  });

  it('links without credentials or .git', () => {
    const remote = resolveGitRemote('https://user:secret@example.test/acme/tap.git', {}, 'x');
    expect(browseUrl(remote, 'Formula/x.rb', 'main')).toBe('https://example.test/acme/tap/blob/main/Formula/x.rb');
  });
});
