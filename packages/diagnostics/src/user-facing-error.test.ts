import { describe, expect, test } from 'vitest';
import { ConfigurationError } from './configuration-error.js';
import { asUserFacingError, NetworkError, UserFacingError } from './user-facing-error.js';

/** What fetch throws when nothing answers: a TypeError whose cause carries the socket error code. */
const fetchFailed = (code: string, message: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });

describe('asUserFacingError', () => {
  test('a UserFacingError is itself', () => {
    const error = new UserFacingError('the build for linux-x64 failed');
    expect(asUserFacingError(error)).toBe(error);
  });

  test('an Octokit-style error with no answer becomes a NetworkError naming the URL and the attempts', () => {
    const octokitError = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9999'), {
      status: 500,
      request: { method: 'GET', url: 'http://127.0.0.1:9999/repos/acme/app/releases', request: { retryCount: 3 } },
      cause: fetchFailed('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9999'),
    });
    const user = asUserFacingError(octokitError);
    expect(user).toBeInstanceOf(NetworkError);
    expect(user?.message).toBe('could not reach http://127.0.0.1:9999/repos/acme/app/releases: connect ECONNREFUSED 127.0.0.1:9999 (tried 4 times). Check the network (and any proxy), and that the URL is right.');
    expect(user?.exitCode).toBe(1);
  });

  test('a wrapper that says what was being done keeps its words in front', () => {
    const octokitError = Object.assign(new Error('getaddrinfo EAI_AGAIN api.github.com'), {
      status: 500,
      request: { method: 'POST', url: 'https://api.github.com/repos/acme/app/releases' },
      cause: fetchFailed('EAI_AGAIN', 'getaddrinfo EAI_AGAIN api.github.com'),
    });
    const wrapped = new Error('create release failed (HTTP 500): getaddrinfo EAI_AGAIN api.github.com', { cause: octokitError });
    expect(asUserFacingError(wrapped)?.message).toBe(
      'create release failed (HTTP 500): getaddrinfo EAI_AGAIN api.github.com; could not reach https://api.github.com/repos/acme/app/releases: getaddrinfo EAI_AGAIN api.github.com. Check the network (and any proxy), and that the URL is right.',
    );
  });

  test('a DNS failure without a URL keeps the caller\'s words', () => {
    const wrapped = new Error('reading the index failed', { cause: fetchFailed('ENOTFOUND', 'getaddrinfo ENOTFOUND pypi.invalid') });
    expect(asUserFacingError(wrapped)?.message).toMatch(/^reading the index failed \(getaddrinfo ENOTFOUND pypi\.invalid\)\. A server could not be reached/);
  });

  test('a refusal (401, 403, 404) carried by a wrapper keeps its words and says what to check', () => {
    const refused = (status: number, message: string) =>
      Object.assign(new Error(message), { status, request: { method: 'GET', url: 'https://ghe.example/api/v3/repos/acme/app/releases' } });
    const wrapped = new Error('list releases failed (HTTP 401): Bad credentials', { cause: refused(401, 'Bad credentials') });
    const user = asUserFacingError(wrapped);
    expect(user).toBeInstanceOf(UserFacingError);
    expect(user?.message).toBe(
      'list releases failed (HTTP 401): Bad credentials. https://ghe.example refused the token (HTTP 401 for https://ghe.example/api/v3/repos/acme/app/releases): ' +
        'check that it is set, current and for this server (GITHUB_TOKEN, and GITHUB_API_URL for GitHub Enterprise)',
    );
    expect(asUserFacingError(refused(403, 'Resource not accessible by integration'))?.message).toMatch(/lacks a permission this step needs \(a release needs contents: write\)/);
    expect(asUserFacingError(refused(403, 'API rate limit exceeded for installation'))?.message).toMatch(/rate-limited the requests: wait a while/);
    expect(asUserFacingError(refused(404, 'Not Found'))?.message).toMatch(/check the repository \(project\.repository or GITHUB_REPOSITORY\)/);
    // A server error is an outage, and a status without the request it answered is not an HTTP answer we can name.
    expect(asUserFacingError(refused(500, 'Internal Server Error'))).toBeUndefined();
    expect(asUserFacingError(Object.assign(new Error('Bad credentials'), { status: 401 }))).toBeUndefined();
  });

  test('a user-facing failure wrapped by a step stays user-facing, the step\'s words first', () => {
    const inner = new UserFacingError('GET http://x/repos/a/b/releases answered with a web page');
    const quoting = new Error(`list releases failed: ${inner.message}`, { cause: inner });
    expect(asUserFacingError(quoting)?.message).toBe('list releases failed: GET http://x/repos/a/b/releases answered with a web page');
    const terse = new Error('list releases failed', { cause: inner });
    expect(asUserFacingError(terse)?.message).toBe('list releases failed: GET http://x/repos/a/b/releases answered with a web page');
    expect(asUserFacingError(new Error('x', { cause: new TypeError('y') }))).toBeUndefined();
  });

  test('a path the user gave that cannot be used (ENOTDIR, EACCES…) says so; ENOENT stays a bug', () => {
    const fsError = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: x, ${syscall} '${path}'`), { code, syscall, path, errno: -20 });
    expect(asUserFacingError(fsError('ENOTDIR', 'mkdir', '/tmp/a-file/out'))?.message).toBe(
      "ENOTDIR: x, mkdir '/tmp/a-file/out' (a part of the path is a file, not a folder): check the path and its permissions",
    );
    expect(asUserFacingError(fsError('EACCES', 'open', '/root/x'))?.message).toMatch(/\(permission denied\): check the path/);
    expect(asUserFacingError(fsError('ENOENT', 'open', '/tmp/gone'))).toBeUndefined();
  });

  test('bugs and bad input are not user-facing failures of this kind', () => {
    expect(asUserFacingError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeUndefined();
    expect(asUserFacingError(new ConfigurationError('bad'))).toBeUndefined();
    expect(asUserFacingError('a string')).toBeUndefined();
  });
});
