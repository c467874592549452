import { describe, expect, test } from 'vitest';
import { parseImageReference, qualifiedRepository } from './image-reference.js';

describe('parseImageReference', () => {
  test.each([
    ['docker.io/acme/shimmy', 'docker.io', 'https://registry-1.docker.io', 'acme/shimmy'],
    ['acme/shimmy', 'docker.io', 'https://registry-1.docker.io', 'acme/shimmy'],
    ['alpine', 'docker.io', 'https://registry-1.docker.io', 'library/alpine'],
    ['ghcr.io/acme/shimmy', 'ghcr.io', 'https://ghcr.io', 'acme/shimmy'],
    ['registry.example.com:8443/a/b/c', 'registry.example.com:8443', 'https://registry.example.com:8443', 'a/b/c'],
    ['127.0.0.1:5000/it/x', '127.0.0.1:5000', 'http://127.0.0.1:5000', 'it/x'],
    ['localhost/x', 'localhost', 'http://localhost', 'x'],
  ])('%s', (text, registry, endpoint, repository) => {
    expect(parseImageReference(text)).toMatchObject({ registry, endpoint, repository });
  });

  test('tags and digests of base images', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parseImageReference(`gcr.io/distroless/static-debian12:nonroot@${digest}`)).toMatchObject({ repository: 'distroless/static-debian12', tag: 'nonroot', digest });
    expect(parseImageReference('127.0.0.1:5000/base:1')).toMatchObject({ repository: 'base', tag: '1' });
    expect(() => parseImageReference('x@sha256:short', 'platforms.docker.base')).toThrow(/platforms\.docker\.base: x@sha256:short: the digest must be/);
  });
});

describe('qualifiedRepository: the name attestations and cosign signatures are made for', () => {
  test.each([
    ['ghcr.io/acme/shimmy', 'ghcr.io/acme/shimmy'],
    ['acme/shimmy', 'index.docker.io/acme/shimmy'],
    ['docker.io/acme/shimmy', 'index.docker.io/acme/shimmy'],
    ['alpine', 'index.docker.io/library/alpine'],
    ['127.0.0.1:5000/it/x:1.0.0', '127.0.0.1:5000/it/x'],
  ])('%s → %s', (text, expected) => {
    expect(qualifiedRepository(parseImageReference(text))).toBe(expected);
  });
});
