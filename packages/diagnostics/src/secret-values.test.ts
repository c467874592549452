import { describe, expect, test } from 'vitest';
import { isSecretName, secretValues } from './secret-values.js';

describe('secretValues', () => {
  test.each([
    'GITHUB_TOKEN', 'GH_TOKEN', 'NPM_TOKEN', 'NODE_AUTH_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'CARGO_REGISTRIES_MY_REG_TOKEN', 'CHOCOLATEY_API_KEY', 'AUR_SSH_PRIVATE_KEY', 'DOCKER_PASSWORD', 'VSCE_PAT',
    'SNAPCRAFT_STORE_CREDENTIALS', 'GPG_PRIVATE_KEY', 'GPG_PASSPHRASE', 'DEPLOYFORGE_SLACK_WEBHOOK',
    'INPUT_TOKEN', 'INPUT_GITHUB-TOKEN', 'INPUT_NPM-TOKEN', 'INPUT_CHOCOLATEY-API-KEY', 'input_docker-password',
  ])('%s is a secret name', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  test.each(['PATH', 'HOME', 'GITHUB_REPOSITORY', 'GITHUB_API_URL', 'DOCKER_USERNAME', 'USERNAME', 'INPUT_VERSION', 'INPUT_CONFIG', 'TOKENIZER_MODE'])(
    '%s is not', (name) => {
      expect(isSecretName(name)).toBe(false);
    },
  );

  test('values by name, extra names, and armored private keys under any name', () => {
    const key = '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQdGBGV0c2Vj\n-----END PGP PRIVATE KEY BLOCK-----\n';
    const env = { GITHUB_TOKEN: 'ghs_one', 'INPUT_NPM-TOKEN': 'npm_two', SIGNING: key, RAILWAY: 'rw_three', PATH: '/usr/bin', EMPTY_TOKEN: '' };
    expect(secretValues(env, ['RAILWAY']).sort()).toEqual([key, 'ghs_one', 'npm_two', 'rw_three'].sort());
  });
});
