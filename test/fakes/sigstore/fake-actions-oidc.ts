import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/**
 * The claims a GitHub Actions OIDC token carries for a tag-triggered release job (the subset Fulcio
 * turns into certificate extensions). Values are made up; shapes are GitHub's.
 */
export interface FakeActionsClaims {
  iss: string;
  sub: string;
  aud: string;
  repository: string;
  repository_owner: string;
  ref: string;
  sha: string;
  workflow: string;
  event_name: string;
  job_workflow_ref: string;
  runner_environment: string;
}

export function fakeActionsClaims(audience: string): FakeActionsClaims {
  return {
    iss: 'https://token.actions.githubusercontent.com',
    sub: 'repo:acme/tool:ref:refs/tags/v1.2.3',
    aud: audience,
    repository: 'acme/tool',
    repository_owner: 'acme',
    ref: 'refs/tags/v1.2.3',
    sha: createHash('sha1').update('acme/tool@v1.2.3').digest('hex'),
    workflow: 'Release',
    event_name: 'push',
    job_workflow_ref: 'acme/tool/.github/workflows/release.yml@refs/tags/v1.2.3',
    runner_environment: 'github-hosted',
  };
}

const issuerKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;

/** A signed ES256 JWT; the fake Fulcio (like the real one's first step) reads its claims. */
export function fakeIdentityToken(claims: FakeActionsClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'ES256', typ: 'JWT', kid: randomBytes(8).toString('hex') };
  const payload = { ...claims, iat: now, nbf: now - 5, exp: now + 300, jti: randomBytes(16).toString('hex') };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key: issuerKey, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${signature.toString('base64url')}`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
