import { describe, expect, it } from 'vitest';
import { decideAsset, type RemoteAssetFacts } from './decide-asset.js';

const SHA = '1'.repeat(64);
const OTHER = '2'.repeat(64);
const local = { name: 'app-1.0.0-linux-x64.tar.gz', size: 100, sha256: SHA };
const remote = (over: Partial<RemoteAssetFacts>): RemoteAssetFacts => ({
  name: local.name,
  size: 100,
  state: 'uploaded',
  digest: `sha256:${SHA}`,
  ...over,
});

describe('decideAsset', () => {
  it.each<[string, RemoteAssetFacts | undefined, boolean, string, boolean | undefined]>([
    ['absent', undefined, false, 'upload', undefined],
    ['absent, force', undefined, true, 'upload', undefined],
    ['starter leftover', remote({ state: 'starter', size: 0, digest: null }), false, 'delete-then-upload', undefined],
    ['starter leftover, force', remote({ state: 'starter', digest: null }), true, 'delete-then-upload', undefined],
    ['open (GitHub enum) leftover', remote({ state: 'open' }), false, 'delete-then-upload', undefined],
    ['identical', remote({}), false, 'skip', true],
    ['identical, force', remote({}), true, 'skip', true],
    ['identical, uppercase digest', remote({ digest: `sha256:${SHA.toUpperCase()}` }), false, 'skip', true],
    ['no digest, same size', remote({ digest: null }), false, 'skip', false],
    ['no digest field at all', remote({ digest: undefined }), false, 'skip', false],
    ['no digest, same size, force', remote({ digest: null }), true, 'skip', false],
    ['unknown digest algorithm', remote({ digest: 'sha512:abc' }), false, 'skip', false],
    ['different digest', remote({ digest: `sha256:${OTHER}` }), false, 'conflict', undefined],
    ['different digest, force', remote({ digest: `sha256:${OTHER}` }), true, 'replace', undefined],
    ['different size', remote({ size: 99 }), false, 'conflict', undefined],
    ['different size, no digest', remote({ size: 99, digest: null }), false, 'conflict', undefined],
    ['different size, force', remote({ size: 99 }), true, 'replace', undefined],
  ])('%s', (_label, existing, force, action, verified) => {
    const decision = decideAsset(existing, local, force);
    expect(decision.action).toBe(action);
    if (decision.action === 'skip') expect(decision.digestVerified).toBe(verified);
  });

  it.each([
    ['different digest', remote({ digest: `sha256:${OTHER}` })],
    ['different size', remote({ size: 99 })],
  ])('%s on an unpublished draft: replaced without force, since the draft is the hub\'s own', (_label, existing) => {
    const decision = decideAsset(existing, local, { force: false, draft: true });
    expect(decision.action).toBe('replace');
    expect(decision.reason).toMatch(/unpublished draft/);
    expect(decideAsset(existing, local, { force: false, draft: false }).action).toBe('conflict');
  });

  it('names the asset and both digests in a conflict', () => {
    const decision = decideAsset(remote({ digest: `sha256:${OTHER}` }), local, false);
    expect(decision.reason).toContain(local.name);
    expect(decision.reason).toContain(`sha256:${OTHER}`);
    expect(decision.reason).toContain(`sha256:${SHA}`);
  });

  it('says the digest is unverifiable when GitHub has none', () => {
    expect(decideAsset(remote({ digest: null }), local, false).reason).toMatch(/unverifiable/);
  });
});
