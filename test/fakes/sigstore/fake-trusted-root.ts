import { createHash } from 'node:crypto';
import type { initializeCA, initializeCTLog, initializeTLog, initializeTSA } from '@sigstore/mock';

type CA = Awaited<ReturnType<typeof initializeCA>>;
type CTLog = Awaited<ReturnType<typeof initializeCTLog>>;
type TLog = Awaited<ReturnType<typeof initializeTLog>>;
type TSA = Awaited<ReturnType<typeof initializeTSA>>;

/** A Sigstore `TrustedRoot` in its protobuf JSON form (what `trusted_root.json` from TUF holds). */
export interface FakeTrustedRootJSON {
  mediaType: string;
  tlogs: TransparencyLogJSON[];
  certificateAuthorities: CertificateAuthorityJSON[];
  ctlogs: TransparencyLogJSON[];
  timestampAuthorities: CertificateAuthorityJSON[];
}

interface TransparencyLogJSON {
  baseUrl: string;
  hashAlgorithm: 'SHA2_256';
  publicKey: { rawBytes: string; keyDetails: 'PKIX_ECDSA_P256_SHA_256'; validFor: { start: string } };
  logId: { keyId: string };
}

interface CertificateAuthorityJSON {
  subject: { organization: string; commonName: string };
  uri: string;
  certChain: { certificates: { rawBytes: string }[] };
  validFor: { start: string };
}

interface FakeServices {
  url: string;
  ca: CA;
  ctLog: CTLog;
  tlog: TLog;
  tsa: TSA;
}

/**
 * The trusted root a verifier needs to accept what this fake signs, and nothing else: a verifier
 * given it proves the whole chain (leaf → fake Fulcio CA, SCT from the fake CT log, Rekor SET, TSA
 * timestamp), exactly as it would with the public-good root.
 */
export function fakeTrustedRootJSON({ url, ca, ctLog, tlog, tsa }: FakeServices): FakeTrustedRootJSON {
  // Keys and certificates are made just now; a minute of slack covers clock rounding.
  const validFor = { start: new Date(Date.now() - 60_000).toISOString() };
  const log = (publicKey: Buffer, keyId: Buffer): TransparencyLogJSON => ({
    baseUrl: url,
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: publicKey.toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor },
    logId: { keyId: keyId.toString('base64') },
  });
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [log(tlog.publicKey, createHash('sha256').update(tlog.publicKey).digest())],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: url,
        certChain: { certificates: [{ rawBytes: base64(ca.rootCertificate) }] },
        validFor,
      },
    ],
    ctlogs: [log(ctLog.publicKey, Buffer.from(bytes(ctLog.logID)))],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        uri: `${url}/api/v1/timestamp`,
        certChain: { certificates: [{ rawBytes: base64(tsa.intCertificate) }, { rawBytes: base64(tsa.rootCertificate) }] },
        validFor,
      },
    ],
  };
}

function bytes(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

function base64(view: ArrayBufferView): string {
  return bytes(view).toString('base64');
}
