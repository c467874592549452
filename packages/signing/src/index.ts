export { checkGpgSigningKey, signDetachedGpg, type SignDetachedGpgOptions } from './sign-detached-gpg.js';
export { gpgKeyInfo, type GpgKeyInfo } from './gpg-key-info.js';
export { type GpgKeySecretNames } from './armored-gpg-key.js';
export { signKeyless, type SignKeylessOptions } from './sign-keyless.js';
export {
  keylessIdentityAvailable,
  requestActionsIdentityToken,
  SIGSTORE_AUDIENCE,
} from './actions-identity-token.js';
export { repositorySigner, type RepositorySigner } from './repository-signer.js';
