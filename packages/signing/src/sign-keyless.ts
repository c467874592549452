import { readFile } from 'node:fs/promises';
import { DEFAULT_FULCIO_URL, DEFAULT_REKOR_URL, sign } from 'sigstore';
import { requestActionsIdentityToken } from './actions-identity-token.js';

export interface SignKeylessOptions {
  /** The file to sign (the release's SHA256SUMS). */
  file: string;
  /** The job's environment: where the GitHub Actions OIDC request URL and token come from. */
  env: Readonly<Record<string, string | undefined>>;
  /** Fulcio (certificate authority); the public-good instance by default. */
  fulcioURL?: string | undefined;
  /** Rekor (transparency log); the public-good instance by default. */
  rekorURL?: string | undefined;
  /** An RFC 3161 timestamp authority, added to the bundle when given (the public-good flow needs none). */
  tsaURL?: string | undefined;
  /** An OIDC token to use instead of asking the Actions runtime for one. */
  identityToken?: string | undefined;
}

/**
 * The Sigstore bundle (JSON text) of a keyless message signature over a file's bytes: a short-lived
 * Fulcio certificate for the workflow's OIDC identity, the signature, and its Rekor entry (what goes
 * into `SHA256SUMS.sigstore.json`, checked with `cosign verify-blob --bundle` or sigstore-js).
 *
 * Without an identity (no `id-token: write`) it fails with a `ConfigurationError` before any request.
 */
export async function signKeyless(options: SignKeylessOptions): Promise<string> {
  // Ask for the token first: a job without the permission fails fast, before reading anything.
  const token = options.identityToken ?? (await requestActionsIdentityToken(options.env));
  const bytes = await readFile(options.file);
  try {
    const bundle = await sign(bytes, {
      fulcioURL: options.fulcioURL ?? DEFAULT_FULCIO_URL,
      rekorURL: options.rekorURL ?? DEFAULT_REKOR_URL,
      ...(options.tsaURL === undefined ? {} : { tsaServerURL: options.tsaURL }),
      identityProvider: { getToken: () => Promise.resolve(token) },
    });
    return `${JSON.stringify(bundle, null, 2)}\n`;
  } catch (error) {
    // A server's error text could in principle echo the request: never let the token through.
    // For the same reason the original error is not kept as `cause` (loggers print cause chains).
    const reason = (error instanceof Error ? error.message : String(error)).replaceAll(token, '[token]');
    const code = typeof error === 'object' && error !== null && 'code' in error ? ` [${String(error.code)}]` : '';
    throw new Error(
      `signing ${options.file} with Sigstore (Fulcio ${options.fulcioURL ?? DEFAULT_FULCIO_URL}, ` +
        `Rekor ${options.rekorURL ?? DEFAULT_REKOR_URL})${code}: ${reason}`,
    );
  }
}
