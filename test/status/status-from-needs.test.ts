import { describe, expect, test } from 'vitest';
import { renderBadge, renderSummaryMarkdown, requiredFailures, statusFromNeeds } from '@deployforge/status';
import { needsFixture, NOW, statusOf } from './summarize-fixtures.js';

const statuses = (name: string) => Object.fromEntries(Object.entries(statusOf(name).platforms).map(([k, p]) => [k, p.status]));

describe('statusFromNeeds on recorded toJSON(needs)', () => {
  test('all green: every spoke published with its url, the hub published with its assets and supply-chain files', () => {
    const doc = statusOf('all-green');
    expect(doc).toMatchObject({ project: 'hello-forge', version: '1.2.3', 'generated-at': NOW.toISOString() });
    expect(Object.keys(doc.platforms)).toHaveLength(16);
    expect(new Set(Object.values(doc.platforms).map((p) => p.status))).toEqual(new Set(['published']));
    expect(doc.platforms.npm).toMatchObject({ required: true, url: 'https://www.npmjs.com/package/hello-forge/v/1.2.3', name: 'npm' });
    expect(doc.platforms.docker?.required).toBe(false);
    expect(doc.release).toMatchObject({ status: 'published', tag: 'v1.2.3', url: 'https://github.com/acme/hello-forge/releases/tag/v1.2.3', checksums: true, sbom: true, attestations: false, signatures: false, 'gpg-signature': false, 'sigstore-signature': false });
    expect(doc.release?.assets).toHaveLength(10);
    expect(requiredFailures(doc)).toEqual([]);
    expect(doc.plan).toBeUndefined();
  });

  test('optional failure: a job that died before reporting and a missing credential are failed, the run is not', () => {
    const doc = statusOf('optional-failure');
    expect(doc.platforms.docker).toMatchObject({ status: 'failed', required: false, detail: 'the publish job failed before reporting (see its log)' });
    expect(doc.platforms.chocolatey).toMatchObject({ status: 'failed', required: false });
    expect(doc.platforms.chocolatey?.detail).toMatch(/CHOCOLATEY_API_KEY/);
    expect(requiredFailures(doc)).toEqual([]);
    expect(renderBadge(doc)).toEqual({ schemaVersion: 1, label: 'release', message: '1.2.3 · 14/16 ok', color: 'orange' });
  });

  test('required failure: a reported failure and a cancelled job both fail the run', () => {
    const doc = statusOf('required-failure');
    expect(doc.platforms.npm).toMatchObject({ status: 'failed', required: true });
    expect(doc.platforms.pypi).toMatchObject({ status: 'failed', required: true, detail: 'the publish job was cancelled before reporting (see its log)' });
    expect(requiredFailures(doc)).toEqual(['npm', 'pypi']);
    expect(renderBadge(doc).color).toBe('red');
  });

  test('needs-human: reported as such with the platform url, not a failure', () => {
    const doc = statusOf('needs-human');
    expect(doc.platforms.chocolatey).toMatchObject({ status: 'needs-human', url: 'https://community.chocolatey.org/packages/hello-forge/1.2.3' });
    expect(doc.platforms.winget?.status).toBe('needs-human');
    expect(requiredFailures(doc)).toEqual([]);
    expect(renderBadge(doc)).toMatchObject({ message: '1.2.3 · 14/16 ok', color: 'yellow' });
  });

  test('dry run: marked on the document, every spoke and the hub', () => {
    const doc = statusOf('dry-run');
    expect(doc['dry-run']).toBe(true);
    expect(new Set(Object.values(statuses('dry-run')))).toEqual(new Set(['dry-run']));
    expect(doc.release?.status).toBe('dry-run');
    expect(renderBadge(doc)).toMatchObject({ message: '1.2.3 (dry run) · 16/16 ok', color: 'brightgreen' });
  });

  test('plan failed: the document says so, lists the configured platforms as not run, and nothing is "failed"', () => {
    const doc = statusOf('plan-failed');
    expect(doc.plan).toEqual({ status: 'failed', detail: expect.stringMatching(/bad config or dispatch input.*no platform ran/) });
    expect(doc.project).toBe('hello-forge');
    expect(doc.version).toBe('unknown');
    expect(doc.release).toBeUndefined();
    expect(Object.keys(doc.platforms)).toHaveLength(18); // every platform of the example config (apt and yum included)
    expect(Object.values(doc.platforms).every((p) => p.status === 'skipped' && /plan failed/.test(p.detail))).toBe(true);
    expect(doc.platforms.npm?.required).toBe(true);
    expect(renderBadge(doc)).toMatchObject({ message: 'unknown · plan failed', color: 'red' });
    // Without a loadable config (often the very reason the plan failed) it still renders.
    const bare = statusFromNeeds(needsFixture('plan-failed'), { now: NOW });
    expect(bare).toMatchObject({ project: 'unknown', platforms: {}, plan: { status: 'failed' } });
  });

  test('selective redeploy: the skipped hub is "already complete", unselected spokes carry the plan\'s reason', () => {
    const doc = statusOf('redeploy');
    expect(doc.release).toMatchObject({ status: 'skipped', detail: expect.stringMatching(/^already complete/) });
    expect(doc.platforms.homebrew?.status).toBe('published');
    expect(doc.platforms.npm).toMatchObject({ status: 'skipped', detail: 'not selected for this run' });
    expect(requiredFailures(doc)).toEqual([]);
  });

  test('a failed build: the hub failed (a required failure), the spokes it held back are skipped, not failed', () => {
    const doc = statusOf('build-failed');
    expect(doc.release).toMatchObject({ status: 'failed', detail: expect.stringMatching(/build failed/) });
    expect(Object.values(doc.platforms).every((p) => p.status === 'skipped')).toBe(true);
    expect(requiredFailures(doc)).toEqual(['github']);
    expect(renderBadge(doc)).toMatchObject({ message: '1.2.3 · release failed', color: 'red' });
  });

  test('a failed credentials check: the hub failed and says a required credential stopped the build', () => {
    // As GitHub reports it: the check job failed, so the build (which needs it) and the hub were skipped.
    const needs = needsFixture('build-failed');
    needs.build = { result: 'skipped', outputs: {} };
    needs['credentials-npm-publish'] = { result: 'failure', outputs: {} };
    const doc = statusFromNeeds(needs, { now: NOW });
    expect(doc.release).toMatchObject({ status: 'failed', detail: expect.stringMatching(/^the credentials-npm-publish job found a required platform without its credential, so nothing was built/) });
    expect(requiredFailures(doc)).toEqual(['github']);
  });

  test('a failed sign job: the hub failed and says it was the signing, not the build', () => {
    const doc = statusOf('sign-failed');
    expect(doc.release).toMatchObject({ status: 'failed', detail: expect.stringMatching(/^the sign job failed \(a missing or wrong signing key/) });
    expect(Object.values(doc.platforms).every((p) => p.status === 'skipped')).toBe(true);
    expect(requiredFailures(doc)).toEqual(['github']);
  });
});

describe('the job summary', () => {
  test.each(['all-green', 'optional-failure', 'required-failure', 'needs-human', 'dry-run', 'plan-failed', 'redeploy', 'build-failed'])('%s (snapshot)', (name) => {
    expect(renderSummaryMarkdown(statusOf(name))).toMatchSnapshot();
  });

  test('semantics: verdict, required marks, needs-human section with what to do, hub assets', () => {
    const human = renderSummaryMarkdown(statusOf('needs-human'));
    expect(human).toMatch(/^### ⚠️ Needs a person$/m);
    expect(human).toMatch(/- \*\*Chocolatey\*\*: .*\n {2}- What to do: Wait for Chocolatey moderation/);
    expect(human).toContain('platforms `chocolatey,winget`');
    expect(human).toMatch(/^\| \*\*npm\*\* \(required\) \| ✅ published \|/m);

    const green = renderSummaryMarkdown(statusOf('all-green'));
    expect(green).toContain('✅ **Release complete.** **16/16 platforms ok**');
    expect(green).not.toContain('Needs a person');
    expect(green).toContain('✅ checksums (SHA256SUMS): yes · ✅ SBOM: yes · ➖ provenance attestation: no · ➖ GPG signature (SHA256SUMS.asc): no · ➖ Sigstore signature (SHA256SUMS.sigstore.json): no');
    expect(green).toMatch(/\| \[SHA256SUMS\]\(https:\/\/github\.com\/acme\/hello-forge\/releases\/download\/v1\.2\.3\/SHA256SUMS\) \| 872 B \| `c{64}` \|/);

    expect(renderSummaryMarkdown(statusOf('required-failure'))).toContain('❌ **A required platform failed.** **14/16 platforms ok** · ❌ required failed: npm, pypi');
    expect(renderSummaryMarkdown(statusOf('plan-failed'))).toMatch(/The plan failed/);
  });

  test('every table row has the same number of cells, whatever the details hold', () => {
    const doc = statusOf('all-green');
    const p = doc.platforms.docker;
    if (!p) throw new Error('fixture lacks docker');
    p.detail = 'line one | still one\nline two <script>alert(1)</script> [x](javascript:alert(1)) `code`';
    p.url = 'javascript:alert(1)';
    const md = renderSummaryMarkdown(doc);
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && l.includes('published') || l.startsWith('| Docker'));
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (const row of rows) expect(cells(row)).toBe(cells('| platform | status | version | link | duration | detail |'));
    const docker = md.split('\n').find((l) => l.startsWith('| Docker')) ?? '';
    expect(docker).toContain('line one \\| still one line two &lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:alert(1))');
    expect(md).not.toContain('<script>');
    // The only `](` left is escaped: no link is ever made from a detail or a non-http url.
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
  });
});
