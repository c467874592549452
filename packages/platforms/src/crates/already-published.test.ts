import { describe, expect, test } from 'vitest';
import { saysAlreadyPublished, saysTokenRefused } from './already-published.js';

describe('cargo output', () => {
  test.each([
    ['error: crate hello-forge@0.1.0 already exists on crates.io index', true],
    ['error: crate hello-forge@0.1.0 already exists on `local` index', true],
    ['the remote server responded with an error: crate version `0.1.0` is already uploaded', true],
    ['the remote server responded with an error (status 400 Bad Request): crate version `1.2.3` is already uploaded', true],
    ['error: failed to verify package tarball', false],
  ])('%s → already published: %s', (text, expected) => {
    expect(saysAlreadyPublished(text)).toBe(expected);
  });

  test.each([
    ['the remote server responded with an error (status 403 Forbidden): authentication failed', true],
    ['the remote server responded with an error (status 401 Unauthorized): The given API token does not match', true],
    ['error: no token found for `local`, please run `cargo login --registry local`', true],
    ['crate version `0.1.0` is already uploaded', false],
  ])('%s → token refused: %s', (text, expected) => {
    expect(saysTokenRefused(text)).toBe(expected);
  });
});
