/**
 * Credentials that are recognisable by where they sit, whatever their value and whether or not we
 * know it as a secret: the value of an `Authorization`-like header (a proxy or a misconfigured
 * server echoes the request's headers back in its error body), and the password of a URL. Each
 * pattern keeps the name and the scheme (`Authorization: Bearer ***`) so the message stays useful.
 */
export interface CredentialPattern {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

/** Header (or JSON key, or query parameter, or .npmrc key) names whose value is always a credential. */
const NAMES = String.raw`(?:proxy-)?authorization|x-nuget-apikey|x-api-key|private-token|_authToken|_auth|_password`;
/** Between the name and the value: `: `, `=`, `":"`, `\":\"` (JSON inside a JSON string), `: [\"`. */
const SEPARATOR = String.raw`(?:\\*["'])?\s*[:=]\s*(?:\[\s*)?(?:\\*["'])?`;
/** Schemes kept in front of the masked value. `token` is GitHub's own. */
const SCHEME = String.raw`(?:bearer|token|basic|digest|negotiate|ntlm|otp|sso-key)(?:\s+|%20|\+)`;
/**
 * The value runs up to a quote, backslash (an escaped newline or quote), space, separator, or a
 * `%0A`/`%0D` (a newline as the runner's workflow commands escape it in annotations).
 */
const VALUE = String.raw`(?:(?!%0[AD])[^\s"'\\,;&<>])+`;

export const credentialHeaderPatterns: readonly CredentialPattern[] = [
  {
    // Starts a word, or follows an escaped newline (`…%0Aauthorization: token X` in an annotation).
    pattern: new RegExp(String.raw`((?:(?<=%0[AD])|(?<![A-Za-z0-9_-]))(?:${NAMES})${SEPARATOR})(${SCHEME})?(${VALUE})`, 'gi'),
    replace: (_match, name: string, scheme: string | undefined, value: string) => (value === '***' ? _match : `${name}${scheme ?? ''}***`),
  },
  {
    // https://x-access-token:TOKEN@github.com/…, https://user:password@registry/…
    pattern: /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"'<>\\]*:)([^\s/@"'<>\\]+)(@)/gi,
    replace: (_match, start: string, _password: string, at: string) => `${start}***${at}`,
  },
];
