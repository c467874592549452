import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  parseStatusDocument, renderDashboardHtml, renderSummaryMarkdown, statusFromNeeds, type StatusDocument,
} from '@deployforge/status';
import { repoRoot } from '../helpers/repo-root.js';
import { needsText, NOW } from './summarize-fixtures.js';
import { parseConfig } from '@deployforge/config';
import { parseNeeds } from '@deployforge/status';

const ARCHIVE = 'hello-forge-1.2.3-x86_64-unknown-linux-gnu.tar.gz';
const asset = (name: string) => ({ name, size: 10, sha256: 'c'.repeat(64), url: `https://github.com/acme/hello-forge/releases/download/v1.2.3/${name}` });

/**
 * The all-green run, with the release job's `assets` output replaced by `names`: the same path
 * (toJSON(needs) → statusFromNeeds → buildStatusDocument) that the summarize action takes.
 */
function statusWithAssets(names: readonly string[]): StatusDocument {
  const needs = parseNeeds(needsText('all-green'));
  const release = Object.values(needs).find((job) => job.outputs.assets !== undefined);
  if (!release) throw new Error('the all-green fixture has no release job with an assets output');
  release.outputs.assets = JSON.stringify(names.map(asset));
  const config = parseConfig(readFileSync(join(repoRoot, 'examples/rust-cli/deployforge.yml'), 'utf8'), 'deployforge.yml');
  return statusFromNeeds(needs, { config, now: NOW });
}

const supplyLine = (md: string) => md.split('\n').find((l) => l.startsWith('Supply chain: ')) ?? '';
const pills = (html: string) => [...html.matchAll(/<li class="pill s-(published|skipped)"><span aria-hidden="true">.<\/span> ([^<]+)<\/li>/g)].map((m) => `${m[2]} [${m[1]}]`);

describe('supply-chain files per release in status.json, the job summary and the dashboard', () => {
  test.each([
    ['everything', [ARCHIVE, 'SHA256SUMS', 'hello-forge-1.2.3.cdx.json', 'hello-forge-1.2.3.sigstore.json', 'SHA256SUMS.asc', 'SHA256SUMS.sigstore.json'],
      { checksums: true, sbom: true, attestations: true, signatures: true, 'gpg-signature': true, 'sigstore-signature': true }],
    ['only the keyless signature of SHA256SUMS (which is not a provenance attestation)', [ARCHIVE, 'SHA256SUMS', 'SHA256SUMS.sigstore.json'],
      { checksums: true, sbom: false, attestations: false, signatures: true, 'gpg-signature': false, 'sigstore-signature': true }],
    ['only the GPG signature', [ARCHIVE, 'SHA256SUMS', 'SHA256SUMS.asc'],
      { checksums: true, sbom: false, attestations: false, signatures: true, 'gpg-signature': true, 'sigstore-signature': false }],
    ['only a provenance attestation', [ARCHIVE, 'SHA256SUMS', 'hello-forge-1.2.3.sigstore.json'],
      { checksums: true, sbom: false, attestations: true, signatures: false, 'gpg-signature': false, 'sigstore-signature': false }],
    ['no supply-chain file at all', [ARCHIVE],
      { checksums: false, sbom: false, attestations: false, signatures: false, 'gpg-signature': false, 'sigstore-signature': false }],
  ])('%s', (_title, names, expected) => {
    const doc = statusWithAssets(names);
    expect(doc.release).toMatchObject(expected);
    // status.json round-trips through the reader the dashboard and `status` use.
    expect(parseStatusDocument(JSON.stringify(doc), 'status.json').release).toMatchObject(expected);

    const yesNo = (present: boolean) => (present ? 'yes' : 'no');
    const mark = (present: boolean) => (present ? '✅' : '➖');
    expect(supplyLine(renderSummaryMarkdown(doc))).toBe(`Supply chain: ${[
      `${mark(expected.checksums)} checksums (SHA256SUMS): ${yesNo(expected.checksums)}`,
      `${mark(expected.sbom)} SBOM: ${yesNo(expected.sbom)}`,
      `${mark(expected.attestations)} provenance attestation: ${yesNo(expected.attestations)}`,
      `${mark(expected['gpg-signature'])} GPG signature (SHA256SUMS.asc): ${yesNo(expected['gpg-signature'])}`,
      `${mark(expected['sigstore-signature'])} Sigstore signature (SHA256SUMS.sigstore.json): ${yesNo(expected['sigstore-signature'])}`,
    ].join(' · ')}`);

    const state = (present: boolean) => (present ? 'published' : 'skipped');
    expect(pills(renderDashboardHtml([doc]))).toEqual([
      `checksums (SHA256SUMS): ${yesNo(expected.checksums)} [${state(expected.checksums)}]`,
      `SBOM: ${yesNo(expected.sbom)} [${state(expected.sbom)}]`,
      `provenance attestation: ${yesNo(expected.attestations)} [${state(expected.attestations)}]`,
      `GPG signature (SHA256SUMS.asc): ${yesNo(expected['gpg-signature'])} [${state(expected['gpg-signature'])}]`,
      `Sigstore signature (SHA256SUMS.sigstore.json): ${yesNo(expected['sigstore-signature'])} [${state(expected['sigstore-signature'])}]`,
    ]);
  });

  test('a status.json from before the GPG/Sigstore keys: its one "signatures" answer is shown, not two false "no"s', () => {
    const doc = parseStatusDocument(readFileSync(join(repoRoot, 'test/fixtures/status/release-1.2.3.json'), 'utf8'), 'release-1.2.3.json');
    expect(doc.release?.['gpg-signature']).toBeUndefined();
    doc.release!.signatures = true;
    expect(supplyLine(renderSummaryMarkdown(doc))).toContain('✅ signatures: yes');
    expect(supplyLine(renderSummaryMarkdown(doc))).not.toContain('GPG');
    expect(pills(renderDashboardHtml([doc]))).toContain('signatures: yes [published]');
  });

  test('assets not reported to the run: the flags are left out (unknown), not claimed absent', () => {
    const doc = statusWithAssets([]);
    expect(doc.release).toBeDefined();
    expect(doc.release).not.toHaveProperty('gpg-signature');
    expect(doc.release).not.toHaveProperty('sigstore-signature');
    expect(supplyLine(renderSummaryMarkdown(doc))).toBe('');
  });

  test.each(['gpg-signature', 'sigstore-signature', 'signatures'])('a status.json whose release.%s is not a boolean is refused, naming the key', (key) => {
    const doc = statusWithAssets([ARCHIVE, 'SHA256SUMS']) as unknown as { release: Record<string, unknown> };
    doc.release[key] = 'yes';
    expect(() => parseStatusDocument(JSON.stringify(doc), 'status.json')).toThrow(`release.${key}: expected true or false`);
  });
});
