import { describe, expect, test } from 'vitest';
import { credentialsFor, parseChallenge } from './registry-auth.js';

describe('parseChallenge', () => {
  test('Docker Hub style Bearer with a comma inside a quoted scope', () => {
    expect(parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:acme/x:pull,push"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:acme/x:pull,push' },
    });
  });
  test('Basic, and nothing', () => {
    expect(parseChallenge('Basic realm="Registry Realm"')).toEqual({ scheme: 'basic', params: { realm: 'Registry Realm' } });
    expect(parseChallenge(undefined)).toBeUndefined();
  });
});

describe('credentialsFor', () => {
  const env = { DOCKER_USERNAME: 'u', DOCKER_PASSWORD: 'p', GITHUB_TOKEN: 'ghs_x', GITHUB_ACTOR: 'octo' };
  test('DOCKER_* everywhere; GITHUB_TOKEN after it on ghcr.io only', () => {
    expect(credentialsFor('docker.io', env).map((c) => c.source)).toEqual(['DOCKER_USERNAME/DOCKER_PASSWORD']);
    expect(credentialsFor('ghcr.io', env).map((c) => `${c.source} ${c.username}`)).toEqual(['DOCKER_USERNAME/DOCKER_PASSWORD u', 'GITHUB_TOKEN octo']);
    expect(credentialsFor('ghcr.io', { GITHUB_TOKEN: 'ghs_x' })).toEqual([{ username: 'x-access-token', password: 'ghs_x', source: 'GITHUB_TOKEN' }]);
    expect(credentialsFor('docker.io', { DOCKER_USERNAME: 'u' })).toEqual([]);
  });
});
