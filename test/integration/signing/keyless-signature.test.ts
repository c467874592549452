import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFromJSON, BUNDLE_V02_MEDIA_TYPE, isBundleWithCertificateChain, isBundleWithMessageSignature } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier, type Signer } from '@sigstore/verify';
import { ConfigurationError } from '@deployforge/diagnostics';
import { keylessIdentityAvailable, signKeyless } from '@deployforge/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSigstoreFake, type SigstoreFake } from '../../fakes/sigstore/sigstore-fake.js';

const SUMS = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  tool-1.2.3.tar.gz\n';
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

let fake: SigstoreFake;
let root: string;
let sums: string;

beforeAll(async () => {
  fake = await startSigstoreFake();
  root = mkdtempSync(join(tmpdir(), 'deployforge-keyless-'));
  sums = join(root, 'SHA256SUMS');
  writeFileSync(sums, SUMS);
});

afterAll(async () => {
  await fake?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Full Sigstore verification against the fake's trusted root, the way `cosign verify-blob` does it. */
function verifyBundle(bundleJSON: string, bytes: Buffer, options: { timestampThreshold?: number } = {}): Signer {
  const trust = toTrustMaterial(TrustedRoot.fromJSON(fake.trustedRoot));
  const verifier = new Verifier(trust, { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: options.timestampThreshold ?? 1 });
  const entity = toSignedEntity(bundleFromJSON(JSON.parse(bundleJSON)), bytes);
  return verifier.verify(entity, {
    subjectAlternativeName: fake.subjectAlternativeName,
    extensions: { issuer: GITHUB_ISSUER },
  });
}

describe.each([
  { flow: 'Fulcio + Rekor (the public-good flow)', withTsa: false },
  { flow: 'Fulcio + Rekor + TSA', withTsa: true },
])('signKeyless with the Actions OIDC identity, $flow', ({ withTsa }) => {
  let bundleJSON: string;
  let requestsBefore: number;

  beforeAll(async () => {
    requestsBefore = fake.requests.length;
    const started = performance.now();
    bundleJSON = await signKeyless({
      file: sums,
      env: fake.actionsEnv,
      fulcioURL: fake.fulcioURL,
      rekorURL: fake.rekorURL,
      ...(withTsa ? { tsaURL: fake.tsaURL } : {}),
    });
    console.info(`[timing] keyless ${withTsa ? 'with TSA' : 'without TSA'}: ${(performance.now() - started).toFixed(0)} ms`);
  });

  it('asked the runtime for a token with audience sigstore, then Fulcio, Rekor (and the TSA)', () => {
    const made = fake.requests.slice(requestsBefore);
    expect(made[0]).toBe('GET /actions/id-token?api-version=2.0&audience=sigstore');
    expect(made).toContain('POST /api/v2/signingCert');
    expect(made).toContain('POST /api/v1/log/entries');
    expect(made.includes('POST /api/v1/timestamp')).toBe(withTsa);
  });

  // sigstore-js 4.1.1 builds message-signature bundles as v0.2 (leaf in a one-certificate chain);
  // only its DSSE bundles can be v0.3. If an upgrade changes that, this says so.
  it('is a v0.2 message-signature bundle that @sigstore/bundle accepts', () => {
    const bundle = bundleFromJSON(JSON.parse(bundleJSON));
    expect(bundle.mediaType).toBe(BUNDLE_V02_MEDIA_TYPE);
    expect(isBundleWithMessageSignature(bundle)).toBe(true);
    expect(isBundleWithCertificateChain(bundle)).toBe(true);
    expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1);
    expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []).toHaveLength(withTsa ? 1 : 0);
  });

  it('verifies against the fake trusted root for the exact SHA256SUMS bytes, with the token’s identity', () => {
    const signer = verifyBundle(bundleJSON, Buffer.from(SUMS), { timestampThreshold: withTsa ? 2 : 1 });
    expect(signer.identity?.subjectAlternativeName).toBe(fake.subjectAlternativeName);
    expect(signer.identity?.extensions?.issuer).toBe(GITHUB_ISSUER);
  });

  it('fails verification for tampered bytes', () => {
    const tampered = Buffer.from(SUMS.replace('e3b0', 'e3b1'));
    expect(() => verifyBundle(bundleJSON, tampered)).toThrow(/signature|digest/i);
  });

  it('fails verification under a policy for another workflow', () => {
    const trust = toTrustMaterial(TrustedRoot.fromJSON(fake.trustedRoot));
    const entity = toSignedEntity(bundleFromJSON(JSON.parse(bundleJSON)), Buffer.from(SUMS));
    expect(() =>
      new Verifier(trust).verify(entity, { subjectAlternativeName: 'evil/tool/.github/workflows/release.yml@refs/tags/v1.2.3' }),
    ).toThrow();
  });

  it('fails verification against another Sigstore’s trusted root (the root is what is trusted)', async () => {
    const other = await startSigstoreFake();
    try {
      const trust = toTrustMaterial(TrustedRoot.fromJSON(other.trustedRoot));
      const entity = toSignedEntity(bundleFromJSON(JSON.parse(bundleJSON)), Buffer.from(SUMS));
      expect(() => new Verifier(trust).verify(entity, { subjectAlternativeName: fake.subjectAlternativeName })).toThrow();
    } finally {
      await other.close();
    }
  });

  it('the leaf certificate’s key verifies the signature over the bytes (node:crypto, no Sigstore code)', () => {
    const json = JSON.parse(bundleJSON) as {
      verificationMaterial: { x509CertificateChain: { certificates: { rawBytes: string }[] } };
      messageSignature: { messageDigest: { algorithm: string; digest: string }; signature: string };
    };
    const [leafCertificate] = json.verificationMaterial.x509CertificateChain.certificates;
    const leaf = new X509Certificate(Buffer.from(leafCertificate?.rawBytes ?? '', 'base64'));
    const signature = Buffer.from(json.messageSignature.signature, 'base64');
    expect(json.messageSignature.messageDigest.algorithm).toBe('SHA2_256');
    expect(json.messageSignature.messageDigest.digest).toBe(createHash('sha256').update(SUMS).digest('base64'));
    expect(verifySignature('sha256', Buffer.from(SUMS), leaf.publicKey, signature)).toBe(true);
    expect(verifySignature('sha256', Buffer.from(`${SUMS} `), leaf.publicKey, signature)).toBe(false);
    expect(leaf.subjectAltName).toContain(fake.subjectAlternativeName);
  });

  it('carries neither the identity token nor the runtime request token', () => {
    expect(fake.issuedTokens.length).toBeGreaterThan(0);
    for (const token of fake.issuedTokens) expect(bundleJSON).not.toContain(token);
    expect(bundleJSON).not.toContain(fake.tokenRequestToken);
  });
});

describe('keyless signing without an identity', () => {
  it.each([
    { where: 'a GitHub Actions job without id-token: write', env: { GITHUB_ACTIONS: 'true' } },
    { where: 'a laptop', env: {} },
    { where: 'a job with the URL but not the token', env: { GITHUB_ACTIONS: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/x' } },
  ])('on $where: keylessIdentityAvailable is false and signKeyless says what to add', async ({ env }) => {
    expect(keylessIdentityAvailable(env)).toBe(false);
    const requestsBefore = fake.requests.length;
    const error: unknown = await signKeyless({ file: sums, env, fulcioURL: fake.fulcioURL, rekorURL: fake.rekorURL }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('keyless signing needs `id-token: write` on this job');
    // Nothing was asked of Fulcio or Rekor.
    expect(fake.requests.length).toBe(requestsBefore);
  });

  it('keylessIdentityAvailable is true with both runtime variables', () => {
    expect(keylessIdentityAvailable(fake.actionsEnv)).toBe(true);
  });

  it('a refused request token is an error that says what was being done and does not quote the token', async () => {
    const env = { ...fake.actionsEnv, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-the-right-request-token' };
    const error: unknown = await signKeyless({ file: sums, env, fulcioURL: fake.fulcioURL, rekorURL: fake.rekorURL }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/^requesting an OIDC token for Sigstore from http:\/\/127\.0\.0\.1:\d+\/actions\/id-token: HTTP 401/);
    expect((error as Error).message).not.toContain('not-the-right-request-token');
  });

  it('an explicit identityToken is used without the runtime', async () => {
    const token = await (await fetch(`${fake.tokenRequestURL}&audience=sigstore`, {
      headers: { authorization: `bearer ${fake.tokenRequestToken}` },
    }).then((r) => r.json() as Promise<{ value: string }>)).value;
    const requestsBefore = fake.requests.length;
    const bundleJSON = await signKeyless({ file: sums, env: {}, identityToken: token, fulcioURL: fake.fulcioURL, rekorURL: fake.rekorURL });
    expect(fake.requests.slice(requestsBefore).some((r) => r.startsWith('GET /actions/id-token'))).toBe(false);
    expect(verifyBundle(bundleJSON, Buffer.from(SUMS)).identity?.subjectAlternativeName).toBe(fake.subjectAlternativeName);
  });
});
