import { isSignatureFile, SHA256SUMS_GPG_NAME, SHA256SUMS_NAME, SHA256SUMS_SIGSTORE_NAME } from '@deployforge/github';
import type { StatusDocument } from './status-document.js';

/** Which supply-chain files a release carries, as status.json records them (additive keys). */
export interface SupplyChainFacts {
  checksums: boolean;
  sbom: boolean;
  /** A build-provenance attestation bundle; the Sigstore signature of SHA256SUMS is not one. */
  attestations: boolean;
  /** Any signature (kept for readers of status.json from before the two keys below). */
  signatures: boolean;
  'gpg-signature': boolean;
  'sigstore-signature': boolean;
}

/** Decide from the release's asset names alone, so the workflow and the local runner agree. */
export function supplyChainFacts(names: readonly string[]): SupplyChainFacts {
  const gpg = names.includes(SHA256SUMS_GPG_NAME);
  const sigstore = names.includes(SHA256SUMS_SIGSTORE_NAME);
  return {
    checksums: names.includes(SHA256SUMS_NAME),
    sbom: names.some((n) => n.endsWith('.cdx.json') || n.endsWith('.spdx.json')),
    attestations: names.some((n) => (n.endsWith('.sigstore.json') && n !== SHA256SUMS_SIGSTORE_NAME) || n.endsWith('.intoto.jsonl')),
    signatures: gpg || sigstore || names.some((n) => isSignatureFile(n) && !n.endsWith('.sigstore.json')),
    'gpg-signature': gpg,
    'sigstore-signature': sigstore,
  };
}

export interface SupplyChainItem {
  label: string;
  present: boolean;
}

/**
 * The lines every view shows, in one order. A status.json written before the GPG/Sigstore keys
 * existed only knows "signatures": show that rather than claim both signatures are missing.
 */
export function supplyChainItems(release: NonNullable<StatusDocument['release']>): SupplyChainItem[] {
  const items: SupplyChainItem[] = [
    { label: 'checksums (SHA256SUMS)', present: release.checksums === true },
    { label: 'SBOM', present: release.sbom === true },
    { label: 'provenance attestation', present: release.attestations === true },
  ];
  if (release['gpg-signature'] === undefined && release['sigstore-signature'] === undefined) {
    items.push({ label: 'signatures', present: release.signatures === true });
  } else {
    items.push(
      { label: `GPG signature (${SHA256SUMS_GPG_NAME})`, present: release['gpg-signature'] === true },
      { label: `Sigstore signature (${SHA256SUMS_SIGSTORE_NAME})`, present: release['sigstore-signature'] === true },
    );
  }
  return items;
}
